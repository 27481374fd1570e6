// Self-service accounts (issue 15 item 6): sign-up, forgotten password, and the public demo flag.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

import type { RegisterCustomerInput } from './generated/graphql';
export type { RegisterCustomerInput };

export type ApiInfoData = ResultOf<typeof API_INFO>;

export const REGISTER_CUSTOMER = graphql(`
  mutation RegisterCustomer($input: RegisterCustomerInput!) {
    registerCustomer(input: $input) {
      accepted
      message
    }
  }
`);

export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($identifier: String!) {
    requestPasswordReset(identifier: $identifier) {
      accepted
      message
    }
  }
`);

export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export const API_INFO = graphql(`
  query ApiInfo {
    apiInfo {
      demoData
    }
  }
`);

/** An identifier typed by a person: an email when it has an @, else a mainland mobile number. */
export function registerInput(identifier: string, displayName: string, password: string): RegisterCustomerInput {
  const id = identifier.trim();
  const isEmail = id.includes('@');
  return { email: isEmail ? id : null, phone: isEmail ? null : id, displayName: displayName.trim(), password };
}
