// GraphQL documents and the shapes they return (see the contract in DESIGN.md).

export interface RegionSummary {
  code: string;
  name: string;
  level: number;
  exPovertyCounty: boolean;
  keyAssistanceCounty: boolean;
}

export interface Membership {
  role: string;
  regionPrefix: string | null;
  organization: { id: string; name: string; kind: string; region: { name: string } | null } | null;
}

export interface Me {
  id: string;
  displayName: string;
  email: string | null;
  roles: string[];
  memberships: Membership[];
}

export const ME = /* GraphQL */ `
  query Me {
    me {
      id
      displayName
      email
      roles
      memberships {
        role
        regionPrefix
        organization {
          id
          name
          kind
          region {
            name
          }
        }
      }
    }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation Login($identifier: String!, $password: String!) {
    login(identifier: $identifier, password: $password) {
      token
      expiresAt
    }
  }
`;

export const REGIONS = /* GraphQL */ `
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      level
      exPovertyCounty
      keyAssistanceCounty
    }
  }
`;
