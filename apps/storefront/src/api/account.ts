// Sign-out, password change, the account's security log, and disabling a user (admins).
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

export type AccountEventData = NonNullable<ResultOf<typeof ACCOUNT_EVENTS>['me']>['accountEvents'][number];

export const LOGOUT = graphql(`
  mutation Logout($everywhere: Boolean) {
    logout(everywhere: $everywhere)
  }
`);

export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
    }
  }
`);

export const ACCOUNT_EVENTS = graphql(`
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
`);

export const SET_USER_DISABLED = graphql(`
  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {
    setUserDisabled(userId: $userId, disabled: $disabled) {
      id
      status
    }
  }
`);
