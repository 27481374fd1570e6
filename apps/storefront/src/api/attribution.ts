// Farmer income attribution (libs/attribution): "where your money went" per order, the income share
// per unit on product pages, and a farmer's own household income. Amounts are fen.
import type { ResultOf } from '../lib/graphql';
import { graphql } from './generated';

export type OrderAttributionData = OrderAttributionQueryData['orderAttribution'];
export type AttributionLine = OrderAttributionData['lines'][number];
export type AttributionBeneficiary = AttributionLine['beneficiaries'][number];
export type MyHouseholdIncomeData = ResultOf<typeof MY_HOUSEHOLD_INCOME>;
export type HouseholdIncomeData = MyHouseholdIncomeData['myHouseholdIncome'];

export const ORDER_ATTRIBUTION = graphql(`
  query OrderAttribution($orderId: ID!) {
    orderAttribution(orderId: $orderId) {
      orderId
      counted
      attributedAmount
      householdAmount
      householdCount
      lines {
        orderLineId
        productTitle
        quantity
        lineTotal
        ruleKind
        attributedAmount
        capped
        beneficiaries {
          kind
          householdId
          name
          villageName
          lotNo
          amount
        }
      }
    }
  }
`);
export type OrderAttributionQueryData = ResultOf<typeof ORDER_ATTRIBUTION>;

export const MY_HOUSEHOLD_INCOME = graphql(`
  query MyHouseholdIncome($from: String!, $to: String!) {
    myHousehold {
      id
      headName
      village {
        code
        name
      }
    }
    myHouseholdIncome(from: $from, to: $to) {
      householdId
      fromPeriod
      toPeriod
      totalAmount
      months {
        period
        amount
        products {
          productId
          productTitle
          amount
        }
      }
    }
  }
`);
