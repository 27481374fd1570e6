// Self-service accounts (issue 15 item 6): sign-up, forgotten password, and the public demo flag.

export const REGISTER_CUSTOMER = /* GraphQL */ `
  mutation RegisterCustomer($input: RegisterCustomerInput!) {
    registerCustomer(input: $input) {
      accepted
      message
    }
  }
`;

export const REQUEST_PASSWORD_RESET = /* GraphQL */ `
  mutation RequestPasswordReset($identifier: String!) {
    requestPasswordReset(identifier: $identifier) {
      accepted
      message
    }
  }
`;

export const RESET_PASSWORD = /* GraphQL */ `
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`;

export const API_INFO = /* GraphQL */ `
  query ApiInfo {
    apiInfo {
      demoData
    }
  }
`;

export interface ApiInfoData {
  apiInfo: { demoData: boolean };
}

export interface RegisterCustomerInput {
  email: string | null;
  phone: string | null;
  displayName: string;
  password: string;
}

/** An identifier typed by a person: an email when it has an @, else a mainland mobile number. */
export function registerInput(identifier: string, displayName: string, password: string): RegisterCustomerInput {
  const id = identifier.trim();
  const isEmail = id.includes('@');
  return { email: isEmail ? id : null, phone: isEmail ? null : id, displayName: displayName.trim(), password };
}
