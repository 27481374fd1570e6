// Sign-out, password change, the account's security log, and disabling a user (admins).

export const LOGOUT = /* GraphQL */ `
  mutation Logout($everywhere: Boolean) {
    logout(everywhere: $everywhere)
  }
`;

export const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
    }
  }
`;

export interface AccountEventData {
  id: string;
  kind: 'REGISTRATION_ATTEMPT' | 'PASSWORD_CHANGED' | 'SIGNED_OUT_EVERYWHERE' | 'DISABLED' | 'ENABLED' | string;
  ip: string | null;
  createdAt: string;
}

export const ACCOUNT_EVENTS = /* GraphQL */ `
  query AccountEvents {
    me {
      id
      accountEvents(first: 20) {
        id
        kind
        ip
        createdAt
      }
    }
  }
`;

export const SET_USER_DISABLED = /* GraphQL */ `
  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {
    setUserDisabled(userId: $userId, disabled: $disabled) {
      id
      status
    }
  }
`;
