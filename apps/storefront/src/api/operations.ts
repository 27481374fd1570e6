// GraphQL documents and the shapes they return (see the contract in DESIGN.md).
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

export type Me = NonNullable<ResultOf<typeof ME>['me']>;
export type Membership = Me['memberships'][number];
export type RegionSummary = ResultOf<typeof REGIONS>['regions'][number];

export const ME = graphql(`
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
`);

export const LOGIN = graphql(`
  mutation Login($identifier: String!, $password: String!) {
    login(identifier: $identifier, password: $password) {
      token
      expiresAt
    }
  }
`);

/** A region with its assistance flags (脱贫县, 国家乡村振兴重点帮扶县): the browser, the picker and the admin console. */
export const REGION_FIELDS = graphql(`
  fragment RegionFields on Region {
    code
    name
    level
    exPovertyCounty
    keyAssistanceCounty
  }
`);

export const REGIONS = graphql(`
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) {
      ...RegionFields
    }
  }
`);
