// Farmer income attribution (libs/attribution): "where your money went" per order, the income share
// per unit on product pages, and a farmer's own household income. Amounts are fen.

export interface AttributionBeneficiary {
  kind: 'HOUSEHOLD' | 'VILLAGE_COLLECTIVE' | 'COOPERATIVE' | 'UNASSIGNED' | string;
  householdId: string | null;
  /** Masked (田**) unless the viewer may see names. */
  name: string | null;
  villageName: string | null;
  lotNo: string | null;
  amount: number;
}

export interface AttributionLine {
  orderLineId: string;
  productTitle: string;
  quantity: number;
  lineTotal: number;
  ruleKind: string | null;
  attributedAmount: number;
  capped: boolean;
  beneficiaries: AttributionBeneficiary[];
}

export interface OrderAttributionData {
  orderId: string;
  counted: boolean;
  attributedAmount: number;
  householdAmount: number;
  householdCount: number;
  lines: AttributionLine[];
}

export const ORDER_ATTRIBUTION = /* GraphQL */ `
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
`;
export type OrderAttributionQueryData = { orderAttribution: OrderAttributionData };

export interface HouseholdIncomeData {
  householdId: string;
  fromPeriod: string;
  toPeriod: string;
  totalAmount: number;
  months: Array<{
    period: string;
    amount: number;
    products: Array<{ productId: string; productTitle: string; amount: number }>;
  }>;
}

export const MY_HOUSEHOLD_INCOME = /* GraphQL */ `
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
`;
export type MyHouseholdIncomeData = {
  myHousehold: { id: string; headName: string; village: { code: string; name: string } | null } | null;
  myHouseholdIncome: HouseholdIncomeData;
};
