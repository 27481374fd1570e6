/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout($everywhere: Boolean) {\n    logout(everywhere: $everywhere)\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query AccountEvents {\n    me {\n      id\n      accountEvents(first: 20) {\n        id\n        kind\n        ip\n        createdAt\n      }\n    }\n  }\n": typeof types.AccountEventsDocument,
    "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      id\n      status\n    }\n  }\n": typeof types.SetUserDisabledDocument,
    "\n    mutation ApproveSupplier($supplierId: ID!, $comment: String) {\n      approveSupplier(supplierId: $supplierId, comment: $comment) {\n        id\n        status\n      }\n    }\n  ": typeof types.ApproveSupplierDocument,
    "\n    mutation RejectSupplierAdmin($supplierId: ID!, $reason: String!) {\n      rejectSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  ": typeof types.RejectSupplierAdminDocument,
    "\n    mutation SuspendSupplier($supplierId: ID!, $reason: String!) {\n      suspendSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  ": typeof types.SuspendSupplierDocument,
    "\n    mutation ReinstateSupplier($supplierId: ID!, $comment: String) {\n      reinstateSupplier(supplierId: $supplierId, comment: $comment) {\n        id\n        status\n      }\n    }\n  ": typeof types.ReinstateSupplierDocument,
    "\n    mutation RevokeSupplier($supplierId: ID!, $reason: String!) {\n      revokeSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  ": typeof types.RevokeSupplierDocument,
    "\n  mutation CertifyProduct($id: ID!, $input: CertifyProductInput!) {\n    certifyProduct(id: $id, input: $input) {\n      id\n      status\n      certificateNo\n      validFrom\n      validTo\n    }\n  }\n": typeof types.CertifyProductDocument,
    "\n  mutation RevokeCertification($id: ID!, $reason: String!) {\n    revokeCertification(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeCertificationDocument,
    "\n  query AdminUsers($search: String, $role: Role, $organizationId: ID, $first: Int) {\n    users(search: $search, role: $role, organizationId: $organizationId, first: $first) {\n      id\n      displayName\n      email\n      phone\n      status\n      createdAt\n      memberships {\n        id\n        role\n        regionPrefix\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminOrganizations($kind: OrganizationKind) {\n    organizations(kind: $kind) {\n      id\n      name\n      kind\n      status\n      creditCode\n      regionCode\n      parentId\n    }\n  }\n": typeof types.AdminOrganizationsDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      status\n      creditCode\n      regionCode\n      parentId\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation GrantMembership($input: GrantMembershipInput!) {\n    grantMembership(input: $input) {\n      id\n    }\n  }\n": typeof types.GrantMembershipDocument,
    "\n  mutation RevokeMembership($id: ID!) {\n    revokeMembership(id: $id)\n  }\n": typeof types.RevokeMembershipDocument,
    "\n  query AdminOrderRefunds($orderId: ID!) {\n    orderRefunds(orderId: $orderId) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n": typeof types.AdminOrderRefundsDocument,
    "\n  mutation AdminRefundOrder($orderId: ID!, $amount: Money, $reason: String) {\n    refundOrder(orderId: $orderId, amount: $amount, reason: $reason) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n": typeof types.AdminRefundOrderDocument,
    "\n  query RecentRefunds($status: RefundStatus, $first: Int) {\n    refunds(status: $status, first: $first) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n": typeof types.RecentRefundsDocument,
    "\n  query FlaggedPayments {\n    flaggedPayments {\n      id\n      orderId\n      amount\n      method\n      status\n      flag\n      flagReason\n      createdAt\n    }\n  }\n": typeof types.FlaggedPaymentsDocument,
    "\n  mutation RefundUnmatchedPayment($paymentId: ID!) {\n    refundUnmatchedPayment(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n": typeof types.RefundUnmatchedPaymentDocument,
    "\n  fragment PayoutBatchFields on PayoutBatch {\n    id\n    status\n    totalAmount\n    createdAt\n    completedAt\n    csvUrl\n    skippedSupplierIds\n    payouts {\n      id\n    }\n  }\n": typeof types.PayoutBatchFieldsFragmentDoc,
    "\n  query PayoutBatches($first: Int) {\n    payoutBatches(first: $first) {\n      ...PayoutBatchFields\n    }\n  }\n": typeof types.PayoutBatchesDocument,
    "\n  mutation CreatePayoutBatch {\n    createPayoutBatch {\n      ...PayoutBatchFields\n    }\n  }\n": typeof types.CreatePayoutBatchDocument,
    "\n  mutation RetryPayoutBatch($batchId: ID!) {\n    retryPayoutBatch(batchId: $batchId) {\n      ...PayoutBatchFields\n    }\n  }\n": typeof types.RetryPayoutBatchDocument,
    "\n  fragment ChannelFields on Channel {\n    id\n    name\n    kind\n    status\n    online\n    assistanceOnly\n    address\n    deviceId\n    productCount\n    region {\n      code\n      name\n    }\n  }\n": typeof types.ChannelFieldsFragmentDoc,
    "\n  query AdminChannels {\n    channels(includeDisabled: true) {\n      ...ChannelFields\n    }\n  }\n": typeof types.AdminChannelsDocument,
    "\n  mutation CreateChannel($input: CreateChannelInput!) {\n    createChannel(input: $input) {\n      deviceSecret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": typeof types.CreateChannelDocument,
    "\n  mutation RotateCounterSecret($channelId: ID!) {\n    rotateCounterSecret(channelId: $channelId) {\n      deviceSecret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": typeof types.RotateCounterSecretDocument,
    "\n    mutation EnableChannel($channelId: ID!) {\n      enableChannel(channelId: $channelId) {\n        ...ChannelFields\n      }\n    }\n  ": typeof types.EnableChannelDocument,
    "\n    mutation DisableChannel($channelId: ID!) {\n      disableChannel(channelId: $channelId) {\n        ...ChannelFields\n      }\n    }\n  ": typeof types.DisableChannelDocument,
    "\n  mutation PlaceProductInChannel($channelId: ID!, $productId: ID!) {\n    placeProductInChannel(channelId: $channelId, productId: $productId) {\n      ...ChannelFields\n    }\n  }\n": typeof types.PlaceProductInChannelDocument,
    "\n  query AdminProductPick($search: String) {\n    products(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          title\n          supplier {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminProductPickDocument,
    "\n  query RegionFlags($code: String!) {\n    region(code: $code) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n": typeof types.RegionFlagsDocument,
    "\n  mutation SetRegionFlags($code: String!, $exPovertyCounty: Boolean, $keyAssistanceCounty: Boolean) {\n    setRegionFlags(code: $code, exPovertyCounty: $exPovertyCounty, keyAssistanceCounty: $keyAssistanceCounty) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n": typeof types.SetRegionFlagsDocument,
    "\n  query JurisdictionMinimums {\n    jurisdictionMinimums {\n      regionPrefix\n      ratioBps\n      updatedAt\n    }\n  }\n": typeof types.JurisdictionMinimumsDocument,
    "\n  mutation SetJurisdictionMinimum($regionCode: String!, $ratioBps: Int!) {\n    setJurisdictionMinimum(regionCode: $regionCode, ratioBps: $ratioBps) {\n      regionPrefix\n      ratioBps\n      updatedAt\n    }\n  }\n": typeof types.SetJurisdictionMinimumDocument,
    "\n  query FailedJobs($queue: String) {\n    jobQueues {\n      name\n      failed\n    }\n    failedJobs(first: 100, queue: $queue) {\n      id\n      queue\n      name\n      data\n      failedReason\n      attemptsMade\n      failedAt\n      timestamp\n    }\n  }\n": typeof types.FailedJobsDocument,
    "\n  mutation RetryFailedJob($id: ID!, $queue: String!) {\n    retryFailedJob(id: $id, queue: $queue)\n  }\n": typeof types.RetryFailedJobDocument,
    "\n  mutation DiscardFailedJob($id: ID!, $queue: String!) {\n    discardFailedJob(id: $id, queue: $queue)\n  }\n": typeof types.DiscardFailedJobDocument,
    "\n  fragment ComplaintFields on Complaint {\n    id\n    orderId\n    orderNo\n    supplierOrderId\n    supplierId\n    supplierName\n    regionCode\n    kind\n    description\n    status\n    supplierAnswer\n    answeredAt\n    remedy\n    refundAmount\n    refundableAmount\n    decisionReason\n    decidedAt\n    createdAt\n    canDecide\n    photos {\n      id\n      url\n      contentType\n      sizeBytes\n    }\n  }\n": typeof types.ComplaintFieldsFragmentDoc,
    "\n  query Complaints($filter: ComplaintFilterInput, $first: Int, $after: String) {\n    complaints(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ComplaintFields\n        }\n      }\n    }\n  }\n": typeof types.ComplaintsDocument,
    "\n  query OrderAftersales($orderId: ID!) {\n    orderRatings(orderId: $orderId) {\n      id\n      supplierOrderId\n      score\n      comment\n      createdAt\n    }\n    complaints(filter: { orderId: $orderId }, first: 100) {\n      edges {\n        node {\n          ...ComplaintFields\n        }\n      }\n    }\n  }\n": typeof types.OrderAftersalesDocument,
    "\n  mutation RateSupplierOrder($supplierOrderId: ID!, $score: Int!, $comment: String) {\n    rateSupplierOrder(supplierOrderId: $supplierOrderId, score: $score, comment: $comment) {\n      id\n      supplierOrderId\n      score\n      comment\n      createdAt\n    }\n  }\n": typeof types.RateSupplierOrderDocument,
    "\n  mutation OpenComplaint($input: OpenComplaintInput!) {\n    openComplaint(input: $input) {\n      ...ComplaintFields\n    }\n  }\n": typeof types.OpenComplaintDocument,
    "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      ...ComplaintFields\n    }\n  }\n": typeof types.AnswerComplaintDocument,
    "\n  mutation DecideComplaint($id: ID!, $input: DecideComplaintInput!) {\n    decideComplaint(id: $id, input: $input) {\n      ...ComplaintFields\n    }\n  }\n": typeof types.DecideComplaintDocument,
    "\n  query SupplierScorecard($supplierId: ID!) {\n    supplierScorecard(supplierId: $supplierId) {\n      ratingAverage\n      ratingCount\n      deliveredOrders\n      complaintCount\n      openComplaints\n      complaintRateBps\n      upheldComplaints\n      upheldRecent\n      upheldWindowDays\n      shippedOrders\n      onTimeShipped\n      onTimeShippingBps\n      onTimeShippingHours\n      warnings {\n        id\n        ruleCode\n        level\n        reason\n        createdAt\n      }\n    }\n  }\n": typeof types.SupplierScorecardDocument,
    "\n  query SuspensionProposals($status: SuspensionProposalStatus) {\n    supplierSuspensionProposals(status: $status, first: 100) {\n      edges {\n        node {\n          id\n          supplierId\n          supplierName\n          supplierStatus\n          source\n          reason\n          status\n          proposedAt\n          decidedAt\n          decisionReason\n        }\n      }\n    }\n  }\n": typeof types.SuspensionProposalsDocument,
    "\n  mutation DecideSuspensionProposal($id: ID!, $decision: SuspensionDecision!, $reason: String!) {\n    decideSupplierSuspensionProposal(id: $id, decision: $decision, reason: $reason) {\n      id\n      status\n      supplierStatus\n      decidedAt\n      decisionReason\n    }\n  }\n": typeof types.DecideSuspensionProposalDocument,
    "\n  query OrderAttribution($orderId: ID!) {\n    orderAttribution(orderId: $orderId) {\n      orderId\n      counted\n      attributedAmount\n      householdAmount\n      householdCount\n      lines {\n        orderLineId\n        productTitle\n        quantity\n        lineTotal\n        ruleKind\n        attributedAmount\n        capped\n        beneficiaries {\n          kind\n          householdId\n          name\n          villageName\n          lotNo\n          amount\n        }\n      }\n    }\n  }\n": typeof types.OrderAttributionDocument,
    "\n  query MyHouseholdIncome($from: String!, $to: String!) {\n    myHousehold {\n      id\n      headName\n      village {\n        code\n        name\n      }\n    }\n    myHouseholdIncome(from: $from, to: $to) {\n      householdId\n      fromPeriod\n      toPeriod\n      totalAmount\n      months {\n        period\n        amount\n        products {\n          productId\n          productTitle\n          amount\n        }\n      }\n    }\n  }\n": typeof types.MyHouseholdIncomeDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          seq\n          at\n          kind\n          operation\n          outcome\n          actorUserId\n          actorName\n          actorOrgName\n          actorRole\n          entityType\n          entityId\n          regionCode\n          summary\n          clientIp\n          requestId\n          hash\n          prevHash\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditChainStatus {\n    auditChainStatus {\n      headSeq\n      headHash\n      checkpoints {\n        day\n        verifiedAt\n        ok\n        checkedCount\n        firstBrokenEventId\n        headSeq\n        headHash\n      }\n    }\n  }\n": typeof types.AuditChainStatusDocument,
    "\n  query VerifyAuditChain($from: String, $to: String) {\n    verifyAuditChain(from: $from, to: $to) {\n      ok\n      checkedCount\n      firstBrokenEventId\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  fragment AddressFields on CustomerAddress {\n    id\n    recipient\n    phone\n    regionCode\n    regionPath\n    detail\n    isDefault\n  }\n": typeof types.AddressFieldsFragmentDoc,
    "\n  query MyAddresses {\n    myAddresses {\n      ...AddressFields\n    }\n  }\n": typeof types.MyAddressesDocument,
    "\n  mutation CreateAddress($input: AddressInput!) {\n    createAddress(input: $input) {\n      ...AddressFields\n    }\n  }\n": typeof types.CreateAddressDocument,
    "\n  mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...AddressFields\n    }\n  }\n": typeof types.UpdateAddressDocument,
    "\n  mutation SetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...AddressFields\n    }\n  }\n": typeof types.SetDefaultAddressDocument,
    "\n  mutation DeleteAddress($id: ID!) {\n    deleteAddress(id: $id)\n  }\n": typeof types.DeleteAddressDocument,
    "\n  fragment AddressSnapshotFields on AddressSnapshot {\n    recipient\n    phone\n    regionCode\n    regionPath\n    detail\n  }\n": typeof types.AddressSnapshotFieldsFragmentDoc,
    "\n  query OrderAddress($id: ID!) {\n    order(id: $id) {\n      id\n      orderNo\n      status\n      createdAt\n      deliveryAddress {\n        ...AddressSnapshotFields\n      }\n      supplierOrders {\n        id\n        supplierId\n        status\n        carrier\n        trackingNo\n        shipTo {\n          ...AddressSnapshotFields\n        }\n        lines {\n          id\n          productTitle\n          sku\n          spec\n          unit\n          quantity\n        }\n      }\n    }\n  }\n": typeof types.OrderAddressDocument,
    "\n  query SupplierStore($id: ID!) {\n    supplier(id: $id) {\n      id\n      name\n      kind\n      status\n      linkageMechanism\n      linkedHouseholdCount\n      county {\n        code\n        name\n      }\n    }\n  }\n": typeof types.SupplierStoreDocument,
    "\n  query SupplierCertifiedCount($supplierId: ID!) {\n    products(filter: { supplierId: $supplierId, certifiedOnly: true }, first: 1) {\n      totalCount\n    }\n  }\n": typeof types.SupplierCertifiedCountDocument,
    "\n  query SortedProducts($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort) {\n    products(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductCard\n        }\n      }\n    }\n  }\n": typeof types.SortedProductsDocument,
    "\n  fragment ProductCard on Product {\n    id\n    title\n    originRegion {\n      code\n      name\n      path {\n        code\n        name\n        level\n      }\n    }\n    supplier {\n      id\n      name\n    }\n    certification {\n      status\n      certificateNo\n      validFrom\n      validTo\n    }\n    minRetailPrice\n    images {\n      id\n      url\n    }\n  }\n": typeof types.ProductCardFragmentDoc,
    "\n  query Products($filter: ProductFilter, $first: Int, $after: String) {\n    products(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductCard\n        }\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      title\n      description\n      status\n      category {\n        id\n        name\n        nameEn\n      }\n      originRegion {\n        code\n        name\n        path {\n          code\n          name\n          level\n        }\n      }\n      supplier {\n        id\n        name\n      }\n      certification {\n        status\n        certificateNo\n        issuer\n        batch\n        validFrom\n        validTo\n      }\n      minRetailPrice\n      images {\n        id\n        url\n      }\n      incomeShare {\n        householdCount\n        perUnitToHouseholds\n      }\n      variants {\n        id\n        sku\n        spec\n        unit\n        retailPrice\n        agencyPrice\n        marketReferencePrice\n        stockAvailable\n        active\n      }\n    }\n  }\n": typeof types.ProductDocument,
    "\n  query Categories {\n    categories {\n      id\n      parentId\n      code\n      name\n      nameEn\n      sort\n    }\n  }\n": typeof types.CategoriesDocument,
    "\n  query Channels {\n    channels {\n      id\n      kind\n      name\n      online\n      address\n      region {\n        code\n        name\n      }\n      productCount\n    }\n  }\n": typeof types.ChannelsDocument,
    "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": typeof types.RegionPathDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles\n      memberships {\n        role\n        regionPrefix\n        organization {\n          id\n          name\n          kind\n          region {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Regions($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n": typeof types.RegionsDocument,
    "\n  fragment SupplierOrderFields on SupplierOrder {\n    id\n    orderId\n    supplierId\n    status\n    subtotal\n    carrier\n    trackingNo\n    shippedAt\n    deliveredAt\n    deliveryProof\n    lines {\n      id\n      variantId\n      productId\n      productTitle\n      sku\n      spec\n      unit\n      priceKind\n      unitPrice\n      quantity\n      lineTotal\n      refundedAmount\n      certified\n      certificationStatus\n      certificateNo\n      allocations {\n        id\n        lotId\n        quantity\n      }\n    }\n    history {\n      id\n      fromStatus\n      toStatus\n      actorKind\n      reason\n      createdAt\n    }\n  }\n": typeof types.SupplierOrderFieldsFragmentDoc,
    "\n  fragment OrderSummaryFields on Order {\n    id\n    orderNo\n    status\n    buyerKind\n    buyerUserId\n    buyerOrgId\n    channelId\n    paymentMode\n    totalAmount\n    paidAmount\n    refundedAmount\n    paymentDueAt\n    wholeOrderVisible\n    createdAt\n    supplierOrders {\n      ...SupplierOrderFields\n    }\n  }\n": typeof types.OrderSummaryFieldsFragmentDoc,
    "\n  fragment OrderDetailFields on Order {\n    ...OrderSummaryFields\n    paymentDeadlineExtended\n    invoiceNo\n    paidAt\n    deliveredAt\n    acceptedAt\n    settledAt\n    cancelledAt\n    history {\n      id\n      fromStatus\n      toStatus\n      actorKind\n      reason\n      createdAt\n    }\n    documents {\n      id\n      orderId\n      storageKey\n      contentType\n      sizeBytes\n      fileName\n      inAcceptance\n      createdAt\n      url\n    }\n    payments {\n      id\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n": typeof types.OrderDetailFieldsFragmentDoc,
    "\n  fragment InsufficientStock on InsufficientStockError {\n    code\n    message\n    variantId\n    requested\n    available\n  }\n": typeof types.InsufficientStockFragmentDoc,
    "\n  fragment ProductUnavailable on ProductUnavailableError {\n    code\n    message\n    variantId\n    reason\n  }\n": typeof types.ProductUnavailableFragmentDoc,
    "\n  fragment CertificationInvalid on CertificationInvalidError {\n    code\n    message\n    variantId\n    productId\n    certificationStatus\n  }\n": typeof types.CertificationInvalidFragmentDoc,
    "\n  fragment InvalidOrderInput on InvalidOrderInputError {\n    code\n    message\n    field\n  }\n": typeof types.InvalidOrderInputFragmentDoc,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      __typename\n      ... on Order {\n        id\n        orderNo\n      }\n      ...InsufficientStock\n      ...ProductUnavailable\n      ...CertificationInvalid\n      ...InvalidOrderInput\n      ... on PurchaseRequestRequiredError {\n        code\n        message\n      }\n    }\n  }\n": typeof types.PlaceOrderDocument,
    "\n  query Orders($filter: OrderFilter, $first: Int, $after: String) {\n    orders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OrderSummaryFields\n        }\n      }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...OrderDetailFields\n    }\n  }\n": typeof types.OrderDocument,
    "\n  mutation CancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      ...OrderDetailFields\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  mutation ConfirmOrder($orderId: ID!) {\n    confirmOrder(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n": typeof types.ConfirmOrderDocument,
    "\n  mutation ExtendPaymentDeadline($orderId: ID!) {\n    extendPaymentDeadline(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n": typeof types.ExtendPaymentDeadlineDocument,
    "\n  mutation AcceptOrder($orderId: ID!, $input: AcceptOrderInput!) {\n    acceptOrder(orderId: $orderId, input: $input) {\n      ...OrderDetailFields\n    }\n  }\n": typeof types.AcceptOrderDocument,
    "\n  mutation SettleOrder($orderId: ID!) {\n    settleOrder(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n": typeof types.SettleOrderDocument,
    "\n  mutation ShipSupplierOrder($supplierOrderId: ID!, $carrier: String!, $trackingNo: String!) {\n    shipSupplierOrder(supplierOrderId: $supplierOrderId, carrier: $carrier, trackingNo: $trackingNo) {\n      ...SupplierOrderFields\n    }\n  }\n": typeof types.ShipSupplierOrderDocument,
    "\n  mutation ConfirmDelivery($supplierOrderId: ID!, $proof: String) {\n    confirmDelivery(supplierOrderId: $supplierOrderId, proof: $proof) {\n      ...SupplierOrderFields\n    }\n  }\n": typeof types.ConfirmDeliveryDocument,
    "\n  query PaymentSetup {\n    paymentSetup {\n      stripeEnabled\n      publishableKey\n      methods\n    }\n  }\n": typeof types.PaymentSetupDocument,
    "\n  query PaymentOptions($orderId: ID!) {\n    paymentOptions(orderId: $orderId) {\n      orderId\n      payable\n      online\n      publishableKey\n      transferPending\n      payOnDelivery\n      bankTransfer {\n        amount\n        reference\n        payeeName\n        bankName\n        accountNo\n      }\n    }\n  }\n": typeof types.PaymentOptionsDocument,
    "\n  mutation PayOrder($orderId: ID!, $method: PaymentMethod!) {\n    payOrder(orderId: $orderId, method: $method) {\n      paymentId\n      clientSecret\n      amount\n      method\n      publishableKey\n    }\n  }\n": typeof types.PayOrderDocument,
    "\n  mutation RecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      id\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n": typeof types.RecordBankTransferDocument,
    "\n  query PaymentsAwaitingConfirmation {\n    paymentsAwaitingConfirmation {\n      id\n      orderId\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n": typeof types.PaymentsAwaitingConfirmationDocument,
    "\n  mutation ConfirmBankTransfer($paymentId: ID!) {\n    confirmBankTransfer(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n": typeof types.ConfirmBankTransferDocument,
    "\n  mutation RejectBankTransfer($paymentId: ID!, $reason: String!) {\n    rejectBankTransfer(paymentId: $paymentId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RejectBankTransferDocument,
    "\n  fragment SupplierName on Supplier {\n    id\n    name\n  }\n": typeof types.SupplierNameFragmentDoc,
    "\n  fragment ShippedLot on Lot {\n    id\n    lotNo\n    harvestedOn\n  }\n": typeof types.ShippedLotFragmentDoc,
    "\n  query CheckoutChannels {\n    channels {\n      id\n      kind\n      name\n      online\n      assistanceOnly\n      status\n    }\n  }\n": typeof types.CheckoutChannelsDocument,
    "\n  fragment CartProduct on Product {\n    id\n    title\n    supplier {\n      id\n      name\n    }\n    certification {\n      status\n    }\n    variants {\n      id\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      stockAvailable\n      active\n    }\n  }\n": typeof types.CartProductFragmentDoc,
    "\n  fragment AnomalyFindingFields on AnomalyFinding {\n    id\n    kind\n    severity\n    status\n    subjectType\n    subjectId\n    subjectLabel\n    supplierId\n    regionCode\n    summary\n    detectedVia\n    detectedAt\n    reviewedAt\n    reviewerName\n    reviewReason\n    excludedFromStatistics\n    suspensionProposalId\n    evidence {\n      figures {\n        name\n        value\n        unit\n        text\n      }\n      orderIds\n    }\n  }\n": typeof types.AnomalyFindingFieldsFragmentDoc,
    "\n  query AnomalyFindings($filter: AnomalyFindingFilter, $first: Int, $after: String) {\n    anomalyFindings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AnomalyFindingFields\n        }\n      }\n    }\n  }\n": typeof types.AnomalyFindingsDocument,
    "\n  query AnomalyFinding($id: ID!) {\n    anomalyFinding(id: $id) {\n      ...AnomalyFindingFields\n      evidenceOrders {\n        id\n        orderNo\n        status\n        totalAmount\n        createdAt\n      }\n    }\n  }\n": typeof types.AnomalyFindingDocument,
    "\n  mutation ReviewAnomalyFinding(\n    $id: ID!\n    $decision: AnomalyReviewDecision!\n    $reason: String!\n    $excludeFromStatistics: Boolean\n    $proposeSuspension: Boolean\n  ) {\n    reviewAnomalyFinding(\n      id: $id\n      decision: $decision\n      reason: $reason\n      excludeFromStatistics: $excludeFromStatistics\n      proposeSuspension: $proposeSuspension\n    ) {\n      ...AnomalyFindingFields\n      evidenceOrders {\n        id\n        orderNo\n        status\n        totalAmount\n        createdAt\n      }\n    }\n  }\n": typeof types.ReviewAnomalyFindingDocument,
    "\n  fragment SupplierFields on Supplier {\n    id\n    name\n    kind\n    status\n    creditCode\n    countyCode\n    county {\n      code\n      name\n      path {\n        code\n        name\n      }\n    }\n    linkageMechanism\n    appliedAt\n    linkedHouseholdCount\n    history {\n      fromStatus\n      toStatus\n      reason\n      actorName\n      createdAt\n    }\n  }\n": typeof types.SupplierFieldsFragmentDoc,
    "\n  query Suppliers($filter: SupplierFilter, $first: Int) {\n    suppliers(filter: $filter, first: $first) {\n      ...SupplierFields\n    }\n  }\n": typeof types.SuppliersDocument,
    "\n  mutation ApplyAsSupplier($input: ApplyAsSupplierInput!) {\n    applyAsSupplier(input: $input) {\n      ...SupplierFields\n    }\n  }\n": typeof types.ApplyAsSupplierDocument,
    "\n  mutation RecommendSupplier($supplierId: ID!, $comment: String) {\n    recommendSupplier(supplierId: $supplierId, comment: $comment) {\n      ...SupplierFields\n    }\n  }\n": typeof types.RecommendSupplierDocument,
    "\n  mutation RejectSupplier($supplierId: ID!, $reason: String!) {\n    rejectSupplier(supplierId: $supplierId, reason: $reason) {\n      ...SupplierFields\n    }\n  }\n": typeof types.RejectSupplierDocument,
    "\n  fragment OwnProduct on Product {\n    id\n    title\n    status\n    originRegion {\n      code\n      name\n    }\n    certification {\n      id\n      status\n      certificateNo\n      validTo\n    }\n    variants {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n": typeof types.OwnProductFragmentDoc,
    "\n  query OwnProducts($filter: ProductFilter, $first: Int, $after: String) {\n    products(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OwnProduct\n        }\n      }\n    }\n  }\n": typeof types.OwnProductsDocument,
    "\n  query VariantUnits {\n    variantUnits\n  }\n": typeof types.VariantUnitsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...OwnProduct\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) {\n      ...OwnProduct\n    }\n  }\n": typeof types.PublishProductDocument,
    "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) {\n      ...OwnProduct\n    }\n  }\n": typeof types.UnpublishProductDocument,
    "\n  mutation AddVariant($productId: ID!, $input: VariantInput!) {\n    addVariant(productId: $productId, input: $input) {\n      id\n    }\n  }\n": typeof types.AddVariantDocument,
    "\n  query Lots($variantId: ID!) {\n    lots(variantId: $variantId) {\n      id\n      lotNo\n      harvestedOn\n      quantity\n      remaining\n      contributions {\n        householdId\n        quantity\n      }\n    }\n  }\n": typeof types.LotsDocument,
    "\n  mutation CreateLot($input: CreateLotInput!) {\n    createLot(input: $input) {\n      id\n      lotNo\n      harvestedOn\n      quantity\n      remaining\n      contributions {\n        householdId\n        quantity\n      }\n    }\n  }\n": typeof types.CreateLotDocument,
    "\n  query Households($filter: HouseholdFilter, $first: Int) {\n    households(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          headName\n          size\n          status\n          villageCode\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.HouseholdsDocument,
    "\n  fragment CertificationFields on Certification {\n    id\n    status\n    certificateNo\n    validFrom\n    validTo\n    createdAt\n    updatedAt\n    product {\n      id\n      title\n      supplier {\n        id\n        name\n      }\n      originRegion {\n        code\n        name\n        path {\n          code\n          name\n        }\n      }\n    }\n    history {\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n    documents {\n      id\n      fileName\n      contentType\n      sizeBytes\n      url\n      createdAt\n    }\n  }\n": typeof types.CertificationFieldsFragmentDoc,
    "\n  query Certifications($filter: CertificationFilter, $first: Int, $after: String) {\n    certifications(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...CertificationFields\n        }\n      }\n    }\n  }\n": typeof types.CertificationsDocument,
    "\n  mutation SubmitCertification($productId: ID!) {\n    submitCertification(productId: $productId) {\n      ...CertificationFields\n    }\n  }\n": typeof types.SubmitCertificationDocument,
    "\n  mutation VerifyCertification($id: ID!, $comment: String) {\n    verifyCertification(id: $id, comment: $comment) {\n      ...CertificationFields\n    }\n  }\n": typeof types.VerifyCertificationDocument,
    "\n  mutation RejectCertification($id: ID!, $reason: String!) {\n    rejectCertification(id: $id, reason: $reason) {\n      ...CertificationFields\n    }\n  }\n": typeof types.RejectCertificationDocument,
    "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      id\n      kind\n      title\n      body\n      createdAt\n      readAt\n      orderId\n      data\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment FilingFields on ReservedShareFiling {\n    id\n    orgId\n    year\n    canteenMode\n    canteenBudget\n    ratioBps\n    minimumBps\n    reservedAmount\n    catererName\n    coveredOrgIds\n    deadline\n    late\n    version\n    decreaseReason\n    amendments {\n      version\n      kind\n      reason\n      createdAt\n    }\n  }\n": typeof types.FilingFieldsFragmentDoc,
    "\n  query ReservedShare($orgId: ID!, $year: Int!) {\n    reservedShare(orgId: $orgId, year: $year) {\n      orgId\n      year\n      minimumBps\n      reservedAmount\n      countedAmount\n      pendingAmount\n      uncertifiedAmount\n      tradeUnionAmount\n      completionBasisPoints\n      completionPercent\n      monthly {\n        month\n        countedAmount\n      }\n      filing {\n        ...FilingFields\n      }\n    }\n  }\n": typeof types.ReservedShareDocument,
    "\n  query SubordinateCompletion($orgId: ID!, $year: Int!) {\n    subordinateCompletion(orgId: $orgId, year: $year) {\n      rank\n      orgId\n      name\n      canteenMode\n      reservedAmount\n      countedAmount\n      pendingAmount\n      completionBasisPoints\n      completionPercent\n    }\n  }\n": typeof types.SubordinateCompletionDocument,
    "\n  mutation FileReservedShare($input: FileReservedShareInput!) {\n    fileReservedShare(input: $input) {\n      ...FilingFields\n    }\n  }\n": typeof types.FileReservedShareDocument,
    "\n  mutation AmendReservedShare($input: AmendReservedShareInput!) {\n    amendReservedShare(input: $input) {\n      ...FilingFields\n    }\n  }\n": typeof types.AmendReservedShareDocument,
    "\n  mutation RequestExemption($input: RequestExemptionInput!) {\n    requestExemption(input: $input) {\n      id\n      status\n      ratioBps\n      minimumBps\n    }\n  }\n": typeof types.RequestExemptionDocument,
    "\n  query Exemptions($filter: ExemptionFilter) {\n    reservedShareExemptions(filter: $filter) {\n      id\n      year\n      ratioBps\n      minimumBps\n      status\n      reason\n      decisionComment\n    }\n  }\n": typeof types.ExemptionsDocument,
    "\n  query PreviewBasket($input: BasketInput!) {\n    previewBasket(input: $input) {\n      totalAmount\n      spendingLimit\n      withinLimit\n      approvalRequired\n    }\n  }\n": typeof types.PreviewBasketDocument,
    "\n  fragment PurchaseRequestFields on PurchaseRequest {\n    id\n    requestNo\n    orgId\n    purchaserUserId\n    purchaserName\n    orderId\n    orderNo\n    orderStatus\n    status\n    terms\n    justification\n    totalAmount\n    spendingLimit\n    autoApproved\n    splitSuspected\n    poNumber\n    poUrl\n    decisionComment\n    createdAt\n    lines {\n      variantId\n      productTitle\n      spec\n      unit\n      unitPrice\n      quantity\n      lineTotal\n    }\n  }\n": typeof types.PurchaseRequestFieldsFragmentDoc,
    "\n  query PurchaseRequests($filter: PurchaseRequestFilter, $first: Int, $after: String) {\n    purchaseRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PurchaseRequestFields\n        }\n      }\n    }\n  }\n": typeof types.PurchaseRequestsDocument,
    "\n  mutation SubmitPurchaseRequest($input: SubmitPurchaseRequestInput!) {\n    submitPurchaseRequest(input: $input) {\n      __typename\n      ... on PurchaseRequest {\n        ...PurchaseRequestFields\n      }\n      ...InsufficientStock\n      ...ProductUnavailable\n      ...CertificationInvalid\n      ...InvalidOrderInput\n    }\n  }\n": typeof types.SubmitPurchaseRequestDocument,
    "\n  mutation ApprovePurchaseRequest($id: ID!, $comment: String) {\n    approvePurchaseRequest(id: $id, comment: $comment) {\n      ...PurchaseRequestFields\n    }\n  }\n": typeof types.ApprovePurchaseRequestDocument,
    "\n  mutation RejectPurchaseRequest($id: ID!, $reason: String!) {\n    rejectPurchaseRequest(id: $id, reason: $reason) {\n      ...PurchaseRequestFields\n    }\n  }\n": typeof types.RejectPurchaseRequestDocument,
    "\n  query UnitMembers($orgId: ID!) {\n    unitMembers(orgId: $orgId) {\n      userId\n      displayName\n      phone\n      roles\n      spendingLimit\n      approvalLimit\n    }\n  }\n": typeof types.UnitMembersDocument,
    "\n  mutation SetSpendingLimit($userId: ID!, $amount: Money!, $orgId: ID) {\n    setSpendingLimit(userId: $userId, amount: $amount, orgId: $orgId) {\n      userId\n      kind\n      amount\n    }\n  }\n": typeof types.SetSpendingLimitDocument,
    "\n  mutation SetApprovalLimit($userId: ID!, $amount: Money!, $orgId: ID) {\n    setApprovalLimit(userId: $userId, amount: $amount, orgId: $orgId) {\n      userId\n      kind\n      amount\n    }\n  }\n": typeof types.SetApprovalLimitDocument,
    "\n  query ProcurementPolicy($orgId: ID!) {\n    procurementPolicy(orgId: $orgId) {\n      orgId\n      skipApprovalBelowLimit\n      splitWindowMinutes\n    }\n  }\n": typeof types.ProcurementPolicyDocument,
    "\n  mutation SetProcurementPolicy($orgId: ID!, $input: ProcurementPolicyInput!) {\n    setProcurementPolicy(orgId: $orgId, input: $input) {\n      orgId\n      skipApprovalBelowLimit\n      splitWindowMinutes\n    }\n  }\n": typeof types.SetProcurementPolicyDocument,
    "\n  fragment ProducePaymentFields on ProducePayment {\n    id\n    amount\n    status\n    method\n    reference\n    paidOn\n  }\n": typeof types.ProducePaymentFieldsFragmentDoc,
    "\n  fragment ProduceReceiptFields on ProduceReceipt {\n    id\n    commitmentId\n    offerId\n    supplierName\n    lotNo\n    quantity\n    committedQuantity\n    shortfall\n    unitPrice\n    amount\n    householdConfirmedAt\n    receivedAt\n    payment {\n      ...ProducePaymentFields\n    }\n  }\n": typeof types.ProduceReceiptFieldsFragmentDoc,
    "\n  fragment ProduceCommitmentFields on ProduceCommitment {\n    id\n    offerId\n    supplierId\n    supplierName\n    quantity\n    unitPrice\n    amount\n    belowAskingPrice\n    pickupDate\n    note\n    status\n    declineReason\n    receipt {\n      ...ProduceReceiptFields\n    }\n  }\n": typeof types.ProduceCommitmentFieldsFragmentDoc,
    "\n  fragment ProduceOfferFields on ProduceOffer {\n    id\n    householdId\n    villageCode\n    cropName\n    variety\n    quantity\n    committedQuantity\n    availableQuantity\n    unit\n    availableFrom\n    availableUntil\n    askingPrice\n    note\n    imageUrls\n    status\n    assisted\n    createdAt\n    household {\n      id\n      headName\n      village {\n        name\n      }\n    }\n    commitments {\n      ...ProduceCommitmentFields\n    }\n  }\n": typeof types.ProduceOfferFieldsFragmentDoc,
    "\n  query MyProduceOffers {\n    myProduceOffers {\n      ...ProduceOfferFields\n    }\n  }\n": typeof types.MyProduceOffersDocument,
    "\n  query ProduceOffers($filter: ProduceOfferFilter, $first: Int, $after: String) {\n    produceOffers(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProduceOfferFields\n        }\n      }\n    }\n  }\n": typeof types.ProduceOffersDocument,
    "\n  mutation CreateProduceOffer($input: CreateProduceOfferInput!) {\n    createProduceOffer(input: $input) {\n      ...ProduceOfferFields\n    }\n  }\n": typeof types.CreateProduceOfferDocument,
    "\n  mutation WithdrawProduceOffer($id: ID!, $reason: String) {\n    withdrawProduceOffer(id: $id, reason: $reason) {\n      ...ProduceOfferFields\n    }\n  }\n": typeof types.WithdrawProduceOfferDocument,
    "\n  mutation AcceptProduceCommitment($id: ID!) {\n    acceptProduceCommitment(id: $id) {\n      ...ProduceCommitmentFields\n    }\n  }\n": typeof types.AcceptProduceCommitmentDocument,
    "\n  mutation DeclineProduceCommitment($id: ID!, $reason: String!) {\n    declineProduceCommitment(id: $id, reason: $reason) {\n      ...ProduceCommitmentFields\n    }\n  }\n": typeof types.DeclineProduceCommitmentDocument,
    "\n  mutation ConfirmProduceReceipt($receiptId: ID!) {\n    confirmProduceReceipt(receiptId: $receiptId) {\n      ...ProduceReceiptFields\n    }\n  }\n": typeof types.ConfirmProduceReceiptDocument,
    "\n  mutation CommitToProduceOffer(\n    $offerId: ID!\n    $quantity: Int!\n    $unitPrice: Money!\n    $pickupDate: String!\n    $note: String\n    $supplierId: ID\n  ) {\n    commitToProduceOffer(\n      offerId: $offerId\n      quantity: $quantity\n      unitPrice: $unitPrice\n      pickupDate: $pickupDate\n      note: $note\n      supplierId: $supplierId\n    ) {\n      __typename\n      ... on ProduceCommitment {\n        ...ProduceCommitmentFields\n      }\n      ... on OfferQuantityExceededError {\n        code\n        requested\n        available\n      }\n      ... on OfferNotOpenError {\n        code\n        offerStatus\n      }\n    }\n  }\n": typeof types.CommitToProduceOfferDocument,
    "\n  query ProduceCommitments($status: ProduceCommitmentStatus) {\n    produceCommitments(status: $status) {\n      ...ProduceCommitmentFields\n      offer {\n        id\n        cropName\n        unit\n        villageCode\n        assisted\n        household {\n          headName\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProduceCommitmentsDocument,
    "\n  mutation RecordProduceReceipt(\n    $commitmentId: ID!\n    $quantity: Int!\n    $lotId: ID\n    $newLot: NewLotInput\n    $lotQuantity: Int\n    $householdConfirmation: String\n  ) {\n    recordProduceReceipt(\n      commitmentId: $commitmentId\n      quantity: $quantity\n      lotId: $lotId\n      newLot: $newLot\n      lotQuantity: $lotQuantity\n      householdConfirmation: $householdConfirmation\n    ) {\n      __typename\n      ... on ProduceReceipt {\n        ...ProduceReceiptFields\n      }\n      ... on ReceiptExceedsCommitmentError {\n        code\n        committed\n        received\n      }\n    }\n  }\n": typeof types.RecordProduceReceiptDocument,
    "\n  mutation RecordProducePayment($receiptId: ID!, $method: ProducePaymentMethod!, $reference: String!, $paidOn: String) {\n    recordProducePayment(receiptId: $receiptId, method: $method, reference: $reference, paidOn: $paidOn) {\n      ...ProducePaymentFields\n    }\n  }\n": typeof types.RecordProducePaymentDocument,
    "\n  fragment IncomeStatementFields on IncomeStatement {\n    month\n    status\n    purchasePaidTotal\n    purchasePendingTotal\n    attributedTotal\n    purchases {\n      receiptId\n      supplierName\n      cropName\n      unit\n      quantity\n      committedQuantity\n      unitPrice\n      amount\n      lotNo\n      receivedAt\n      paymentStatus\n      paymentMethod\n      paidOn\n    }\n    attributedIncome {\n      productId\n      productTitle\n      amount\n    }\n    attributedOrders {\n      orderId\n      orderNo\n      productTitle\n      lotNo\n      amount\n    }\n    confirmation {\n      confirmedAt\n    }\n    disputes {\n      id\n      kind\n      note\n      status\n      amount\n      resolution\n    }\n  }\n": typeof types.IncomeStatementFieldsFragmentDoc,
    "\n  query MyIncomeStatement($month: String!) {\n    myIncomeStatement(month: $month) {\n      ...IncomeStatementFields\n    }\n  }\n": typeof types.MyIncomeStatementDocument,
    "\n  mutation ConfirmMonthlyIncome($month: String!) {\n    confirmMonthlyIncome(month: $month) {\n      ...IncomeStatementFields\n    }\n  }\n": typeof types.ConfirmMonthlyIncomeDocument,
    "\n  mutation DisputeIncomeLine($input: DisputeIncomeLineInput!) {\n    disputeIncomeLine(input: $input) {\n      id\n    }\n  }\n": typeof types.DisputeIncomeLineDocument,
    "\n  query CountyTransparency($countyCode: String!, $year: Int) {\n    countyTransparency(countyCode: $countyCode, year: $year) {\n      countyCode\n      year\n      purchasePaid\n      purchasePending\n      attributedIncome\n      reachedHouseholds\n      householdsDriven\n      topProducts {\n        productId\n        productTitle\n        householdIncome\n      }\n      topCrops {\n        cropName\n        unit\n        quantity\n        amount\n      }\n    }\n    region(code: $countyCode) {\n      code\n      name\n      path {\n        name\n      }\n    }\n  }\n": typeof types.CountyTransparencyDocument,
    "\n  query MyHouseholdVillage {\n    myHousehold {\n      id\n      villageCode\n      village {\n        name\n      }\n    }\n  }\n": typeof types.MyHouseholdVillageDocument,
    "\n  mutation RegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      accepted\n      message\n    }\n  }\n": typeof types.RegisterCustomerDocument,
    "\n  mutation RequestPasswordReset($identifier: String!) {\n    requestPasswordReset(identifier: $identifier) {\n      accepted\n      message\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query ApiInfo {\n    apiInfo {\n      demoData\n    }\n  }\n": typeof types.ApiInfoDocument,
    "\n  fragment SalesFiguresFields on SalesFigures {\n    grossAmount\n    refundAmount\n    netAmount\n    certifiedNetAmount\n    uncertifiedNetAmount\n    orderCount\n    unitCount\n    buyerCount\n    householdsDriven\n  }\n": typeof types.SalesFiguresFieldsFragmentDoc,
    "\n  query SalesStats($regionCode: String!, $from: String!, $to: String!, $groupBy: SalesGroupBy!, $side: StatsSide) {\n    salesStats(regionCode: $regionCode, from: $from, to: $to, groupBy: $groupBy, side: $side) {\n      regionCode\n      regionPath\n      fromDay\n      toDay\n      groupBy\n      side\n      total {\n        ...SalesFiguresFields\n      }\n      rows {\n        key\n        label\n        figures {\n          ...SalesFiguresFields\n        }\n      }\n    }\n  }\n": typeof types.SalesStatsDocument,
    "\n  query AssistanceIndicators($regionCode: String!, $date: String!) {\n    assistanceIndicators(regionCode: $regionCode, date: $date) {\n      regionCode\n      regionPath\n      date\n      hallCount\n      zoneCount\n      counterCount\n      certifiedSupplierCount\n      certifiedProductCount\n      salesAmountYtd\n      uncertifiedSalesAmountYtd\n      householdsDriven\n      exPovertyHouseholdsDriven\n      monitoredHouseholdsDriven\n      villageCollectiveIncome\n      summary\n    }\n  }\n": typeof types.AssistanceIndicatorsDocument,
    "\n  query ChannelCertifiedShare($regionCode: String!, $from: String!, $to: String!, $side: StatsSide) {\n    channelCertifiedShare(regionCode: $regionCode, from: $from, to: $to, side: $side) {\n      regionCode\n      fromDay\n      toDay\n      side\n      thresholdBps\n      channels {\n        channelId\n        name\n        kind\n        netAmount\n        certifiedNetAmount\n        uncertifiedNetAmount\n        certifiedShareBps\n        warning\n      }\n    }\n  }\n": typeof types.ChannelCertifiedShareDocument,
    "\n  query RegionCompletion($regionCode: String!, $year: Int!) {\n    regionCompletion(regionCode: $regionCode, year: $year) {\n      rank\n      orgId\n      name\n      regionCode\n      reservedAmount\n      countedAmount\n      pendingAmount\n      completionBasisPoints\n      completionPercent\n    }\n  }\n": typeof types.RegionCompletionDocument,
    "\n  fragment SupervisionFiguresFields on SupervisionFigures {\n    unitsRegistered\n    unitsFiled\n    unitsActivated\n    reservedAmount\n    countedAmount\n    pendingAmount\n    completionBasisPoints\n    previousReservedAmount\n    reservedChangeAmount\n    reservedChangeBasisPoints\n  }\n": typeof types.SupervisionFiguresFieldsFragmentDoc,
    "\n  query CompletionRanking($regionCode: String!, $year: Int!, $groupBy: SupervisionGroupBy!, $month: Int) {\n    completionRanking(regionCode: $regionCode, year: $year, groupBy: $groupBy, month: $month) {\n      regionCode\n      regionPath\n      year\n      month\n      groupBy\n      snapshot {\n        year\n        month\n        source\n        publishedAt\n      }\n      rows {\n        rank\n        key\n        label\n        decreaseReason\n        countedDifference\n        completionDifferenceBasisPoints\n        figures {\n          ...SupervisionFiguresFields\n        }\n        live {\n          countedAmount\n          completionBasisPoints\n        }\n      }\n      total {\n        rank\n        key\n        label\n        decreaseReason\n        countedDifference\n        completionDifferenceBasisPoints\n        figures {\n          ...SupervisionFiguresFields\n        }\n        live {\n          countedAmount\n          completionBasisPoints\n        }\n      }\n    }\n  }\n": typeof types.CompletionRankingDocument,
    "\n  query PaymentClock($filter: PaymentClockFilter, $asOf: String) {\n    paymentClock(filter: $filter, asOf: $asOf) {\n      asOf\n      outstandingAmount\n      overdueAmount\n      interestAmount\n      overdueCount\n      entries {\n        orderId\n        orderNo\n        orgId\n        unitName\n        supplierId\n        supplierName\n        amount\n        acceptedOn\n        termDays\n        dailyRatePpm\n        dueOn\n        paidOn\n        status\n        daysOverdue\n        interestAmount\n        outstandingAmount\n      }\n      overdueUnits {\n        orgId\n        name\n        overdueCount\n        overdueAmount\n        interestAmount\n        maxDaysOverdue\n      }\n    }\n  }\n": typeof types.PaymentClockDocument,
    "\n  query UnitFilings($orgId: ID!) {\n    reservedShareFilings(orgId: $orgId) {\n      id\n      year\n      canteenMode\n      ratioBps\n      reservedAmount\n      late\n      version\n      decreaseReason\n    }\n  }\n": typeof types.UnitFilingsDocument,
    "\n  query SupplierOrderCounts($supplierId: ID!) {\n    supplierOrderCounts(supplierId: $supplierId) {\n      toShip\n      shipped\n      delivered\n      all\n    }\n  }\n": typeof types.SupplierOrderCountsDocument,
    "\n  fragment EditableProduct on Product {\n    id\n    title\n    description\n    status\n    images {\n      id\n      url\n      thumbnailUrl\n      sort\n      width\n      height\n    }\n    variants {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n": typeof types.EditableProductFragmentDoc,
    "\n  query EditableProduct($id: ID!) {\n    product(id: $id) {\n      ...EditableProduct\n    }\n  }\n": typeof types.EditableProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      ...EditableProduct\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation UpdateVariant($input: UpdateVariantInput!) {\n    updateVariant(input: $input) {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n": typeof types.UpdateVariantDocument,
    "\n  mutation ReorderProductImages($productId: ID!, $imageIds: [ID!]!) {\n    reorderProductImages(productId: $productId, imageIds: $imageIds) {\n      id\n      url\n      thumbnailUrl\n      sort\n      width\n      height\n    }\n  }\n": typeof types.ReorderProductImagesDocument,
    "\n  mutation RemoveProductImage($imageId: ID!) {\n    removeProductImage(imageId: $imageId)\n  }\n": typeof types.RemoveProductImageDocument,
    "\n  query CertificationDocuments($id: ID!) {\n    certification(id: $id) {\n      id\n      status\n      documents {\n        id\n        fileName\n        contentType\n        sizeBytes\n        url\n        createdAt\n      }\n    }\n  }\n": typeof types.CertificationDocumentsDocument,
};
const documents: Documents = {
    "\n  mutation Logout($everywhere: Boolean) {\n    logout(everywhere: $everywhere)\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query AccountEvents {\n    me {\n      id\n      accountEvents(first: 20) {\n        id\n        kind\n        ip\n        createdAt\n      }\n    }\n  }\n": types.AccountEventsDocument,
    "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      id\n      status\n    }\n  }\n": types.SetUserDisabledDocument,
    "\n    mutation ApproveSupplier($supplierId: ID!, $comment: String) {\n      approveSupplier(supplierId: $supplierId, comment: $comment) {\n        id\n        status\n      }\n    }\n  ": types.ApproveSupplierDocument,
    "\n    mutation RejectSupplierAdmin($supplierId: ID!, $reason: String!) {\n      rejectSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  ": types.RejectSupplierAdminDocument,
    "\n    mutation SuspendSupplier($supplierId: ID!, $reason: String!) {\n      suspendSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  ": types.SuspendSupplierDocument,
    "\n    mutation ReinstateSupplier($supplierId: ID!, $comment: String) {\n      reinstateSupplier(supplierId: $supplierId, comment: $comment) {\n        id\n        status\n      }\n    }\n  ": types.ReinstateSupplierDocument,
    "\n    mutation RevokeSupplier($supplierId: ID!, $reason: String!) {\n      revokeSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  ": types.RevokeSupplierDocument,
    "\n  mutation CertifyProduct($id: ID!, $input: CertifyProductInput!) {\n    certifyProduct(id: $id, input: $input) {\n      id\n      status\n      certificateNo\n      validFrom\n      validTo\n    }\n  }\n": types.CertifyProductDocument,
    "\n  mutation RevokeCertification($id: ID!, $reason: String!) {\n    revokeCertification(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RevokeCertificationDocument,
    "\n  query AdminUsers($search: String, $role: Role, $organizationId: ID, $first: Int) {\n    users(search: $search, role: $role, organizationId: $organizationId, first: $first) {\n      id\n      displayName\n      email\n      phone\n      status\n      createdAt\n      memberships {\n        id\n        role\n        regionPrefix\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminOrganizations($kind: OrganizationKind) {\n    organizations(kind: $kind) {\n      id\n      name\n      kind\n      status\n      creditCode\n      regionCode\n      parentId\n    }\n  }\n": types.AdminOrganizationsDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      status\n      creditCode\n      regionCode\n      parentId\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation GrantMembership($input: GrantMembershipInput!) {\n    grantMembership(input: $input) {\n      id\n    }\n  }\n": types.GrantMembershipDocument,
    "\n  mutation RevokeMembership($id: ID!) {\n    revokeMembership(id: $id)\n  }\n": types.RevokeMembershipDocument,
    "\n  query AdminOrderRefunds($orderId: ID!) {\n    orderRefunds(orderId: $orderId) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n": types.AdminOrderRefundsDocument,
    "\n  mutation AdminRefundOrder($orderId: ID!, $amount: Money, $reason: String) {\n    refundOrder(orderId: $orderId, amount: $amount, reason: $reason) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n": types.AdminRefundOrderDocument,
    "\n  query RecentRefunds($status: RefundStatus, $first: Int) {\n    refunds(status: $status, first: $first) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n": types.RecentRefundsDocument,
    "\n  query FlaggedPayments {\n    flaggedPayments {\n      id\n      orderId\n      amount\n      method\n      status\n      flag\n      flagReason\n      createdAt\n    }\n  }\n": types.FlaggedPaymentsDocument,
    "\n  mutation RefundUnmatchedPayment($paymentId: ID!) {\n    refundUnmatchedPayment(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n": types.RefundUnmatchedPaymentDocument,
    "\n  fragment PayoutBatchFields on PayoutBatch {\n    id\n    status\n    totalAmount\n    createdAt\n    completedAt\n    csvUrl\n    skippedSupplierIds\n    payouts {\n      id\n    }\n  }\n": types.PayoutBatchFieldsFragmentDoc,
    "\n  query PayoutBatches($first: Int) {\n    payoutBatches(first: $first) {\n      ...PayoutBatchFields\n    }\n  }\n": types.PayoutBatchesDocument,
    "\n  mutation CreatePayoutBatch {\n    createPayoutBatch {\n      ...PayoutBatchFields\n    }\n  }\n": types.CreatePayoutBatchDocument,
    "\n  mutation RetryPayoutBatch($batchId: ID!) {\n    retryPayoutBatch(batchId: $batchId) {\n      ...PayoutBatchFields\n    }\n  }\n": types.RetryPayoutBatchDocument,
    "\n  fragment ChannelFields on Channel {\n    id\n    name\n    kind\n    status\n    online\n    assistanceOnly\n    address\n    deviceId\n    productCount\n    region {\n      code\n      name\n    }\n  }\n": types.ChannelFieldsFragmentDoc,
    "\n  query AdminChannels {\n    channels(includeDisabled: true) {\n      ...ChannelFields\n    }\n  }\n": types.AdminChannelsDocument,
    "\n  mutation CreateChannel($input: CreateChannelInput!) {\n    createChannel(input: $input) {\n      deviceSecret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": types.CreateChannelDocument,
    "\n  mutation RotateCounterSecret($channelId: ID!) {\n    rotateCounterSecret(channelId: $channelId) {\n      deviceSecret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n": types.RotateCounterSecretDocument,
    "\n    mutation EnableChannel($channelId: ID!) {\n      enableChannel(channelId: $channelId) {\n        ...ChannelFields\n      }\n    }\n  ": types.EnableChannelDocument,
    "\n    mutation DisableChannel($channelId: ID!) {\n      disableChannel(channelId: $channelId) {\n        ...ChannelFields\n      }\n    }\n  ": types.DisableChannelDocument,
    "\n  mutation PlaceProductInChannel($channelId: ID!, $productId: ID!) {\n    placeProductInChannel(channelId: $channelId, productId: $productId) {\n      ...ChannelFields\n    }\n  }\n": types.PlaceProductInChannelDocument,
    "\n  query AdminProductPick($search: String) {\n    products(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          title\n          supplier {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminProductPickDocument,
    "\n  query RegionFlags($code: String!) {\n    region(code: $code) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n": types.RegionFlagsDocument,
    "\n  mutation SetRegionFlags($code: String!, $exPovertyCounty: Boolean, $keyAssistanceCounty: Boolean) {\n    setRegionFlags(code: $code, exPovertyCounty: $exPovertyCounty, keyAssistanceCounty: $keyAssistanceCounty) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n": types.SetRegionFlagsDocument,
    "\n  query JurisdictionMinimums {\n    jurisdictionMinimums {\n      regionPrefix\n      ratioBps\n      updatedAt\n    }\n  }\n": types.JurisdictionMinimumsDocument,
    "\n  mutation SetJurisdictionMinimum($regionCode: String!, $ratioBps: Int!) {\n    setJurisdictionMinimum(regionCode: $regionCode, ratioBps: $ratioBps) {\n      regionPrefix\n      ratioBps\n      updatedAt\n    }\n  }\n": types.SetJurisdictionMinimumDocument,
    "\n  query FailedJobs($queue: String) {\n    jobQueues {\n      name\n      failed\n    }\n    failedJobs(first: 100, queue: $queue) {\n      id\n      queue\n      name\n      data\n      failedReason\n      attemptsMade\n      failedAt\n      timestamp\n    }\n  }\n": types.FailedJobsDocument,
    "\n  mutation RetryFailedJob($id: ID!, $queue: String!) {\n    retryFailedJob(id: $id, queue: $queue)\n  }\n": types.RetryFailedJobDocument,
    "\n  mutation DiscardFailedJob($id: ID!, $queue: String!) {\n    discardFailedJob(id: $id, queue: $queue)\n  }\n": types.DiscardFailedJobDocument,
    "\n  fragment ComplaintFields on Complaint {\n    id\n    orderId\n    orderNo\n    supplierOrderId\n    supplierId\n    supplierName\n    regionCode\n    kind\n    description\n    status\n    supplierAnswer\n    answeredAt\n    remedy\n    refundAmount\n    refundableAmount\n    decisionReason\n    decidedAt\n    createdAt\n    canDecide\n    photos {\n      id\n      url\n      contentType\n      sizeBytes\n    }\n  }\n": types.ComplaintFieldsFragmentDoc,
    "\n  query Complaints($filter: ComplaintFilterInput, $first: Int, $after: String) {\n    complaints(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ComplaintFields\n        }\n      }\n    }\n  }\n": types.ComplaintsDocument,
    "\n  query OrderAftersales($orderId: ID!) {\n    orderRatings(orderId: $orderId) {\n      id\n      supplierOrderId\n      score\n      comment\n      createdAt\n    }\n    complaints(filter: { orderId: $orderId }, first: 100) {\n      edges {\n        node {\n          ...ComplaintFields\n        }\n      }\n    }\n  }\n": types.OrderAftersalesDocument,
    "\n  mutation RateSupplierOrder($supplierOrderId: ID!, $score: Int!, $comment: String) {\n    rateSupplierOrder(supplierOrderId: $supplierOrderId, score: $score, comment: $comment) {\n      id\n      supplierOrderId\n      score\n      comment\n      createdAt\n    }\n  }\n": types.RateSupplierOrderDocument,
    "\n  mutation OpenComplaint($input: OpenComplaintInput!) {\n    openComplaint(input: $input) {\n      ...ComplaintFields\n    }\n  }\n": types.OpenComplaintDocument,
    "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      ...ComplaintFields\n    }\n  }\n": types.AnswerComplaintDocument,
    "\n  mutation DecideComplaint($id: ID!, $input: DecideComplaintInput!) {\n    decideComplaint(id: $id, input: $input) {\n      ...ComplaintFields\n    }\n  }\n": types.DecideComplaintDocument,
    "\n  query SupplierScorecard($supplierId: ID!) {\n    supplierScorecard(supplierId: $supplierId) {\n      ratingAverage\n      ratingCount\n      deliveredOrders\n      complaintCount\n      openComplaints\n      complaintRateBps\n      upheldComplaints\n      upheldRecent\n      upheldWindowDays\n      shippedOrders\n      onTimeShipped\n      onTimeShippingBps\n      onTimeShippingHours\n      warnings {\n        id\n        ruleCode\n        level\n        reason\n        createdAt\n      }\n    }\n  }\n": types.SupplierScorecardDocument,
    "\n  query SuspensionProposals($status: SuspensionProposalStatus) {\n    supplierSuspensionProposals(status: $status, first: 100) {\n      edges {\n        node {\n          id\n          supplierId\n          supplierName\n          supplierStatus\n          source\n          reason\n          status\n          proposedAt\n          decidedAt\n          decisionReason\n        }\n      }\n    }\n  }\n": types.SuspensionProposalsDocument,
    "\n  mutation DecideSuspensionProposal($id: ID!, $decision: SuspensionDecision!, $reason: String!) {\n    decideSupplierSuspensionProposal(id: $id, decision: $decision, reason: $reason) {\n      id\n      status\n      supplierStatus\n      decidedAt\n      decisionReason\n    }\n  }\n": types.DecideSuspensionProposalDocument,
    "\n  query OrderAttribution($orderId: ID!) {\n    orderAttribution(orderId: $orderId) {\n      orderId\n      counted\n      attributedAmount\n      householdAmount\n      householdCount\n      lines {\n        orderLineId\n        productTitle\n        quantity\n        lineTotal\n        ruleKind\n        attributedAmount\n        capped\n        beneficiaries {\n          kind\n          householdId\n          name\n          villageName\n          lotNo\n          amount\n        }\n      }\n    }\n  }\n": types.OrderAttributionDocument,
    "\n  query MyHouseholdIncome($from: String!, $to: String!) {\n    myHousehold {\n      id\n      headName\n      village {\n        code\n        name\n      }\n    }\n    myHouseholdIncome(from: $from, to: $to) {\n      householdId\n      fromPeriod\n      toPeriod\n      totalAmount\n      months {\n        period\n        amount\n        products {\n          productId\n          productTitle\n          amount\n        }\n      }\n    }\n  }\n": types.MyHouseholdIncomeDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          seq\n          at\n          kind\n          operation\n          outcome\n          actorUserId\n          actorName\n          actorOrgName\n          actorRole\n          entityType\n          entityId\n          regionCode\n          summary\n          clientIp\n          requestId\n          hash\n          prevHash\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditChainStatus {\n    auditChainStatus {\n      headSeq\n      headHash\n      checkpoints {\n        day\n        verifiedAt\n        ok\n        checkedCount\n        firstBrokenEventId\n        headSeq\n        headHash\n      }\n    }\n  }\n": types.AuditChainStatusDocument,
    "\n  query VerifyAuditChain($from: String, $to: String) {\n    verifyAuditChain(from: $from, to: $to) {\n      ok\n      checkedCount\n      firstBrokenEventId\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  fragment AddressFields on CustomerAddress {\n    id\n    recipient\n    phone\n    regionCode\n    regionPath\n    detail\n    isDefault\n  }\n": types.AddressFieldsFragmentDoc,
    "\n  query MyAddresses {\n    myAddresses {\n      ...AddressFields\n    }\n  }\n": types.MyAddressesDocument,
    "\n  mutation CreateAddress($input: AddressInput!) {\n    createAddress(input: $input) {\n      ...AddressFields\n    }\n  }\n": types.CreateAddressDocument,
    "\n  mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...AddressFields\n    }\n  }\n": types.UpdateAddressDocument,
    "\n  mutation SetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...AddressFields\n    }\n  }\n": types.SetDefaultAddressDocument,
    "\n  mutation DeleteAddress($id: ID!) {\n    deleteAddress(id: $id)\n  }\n": types.DeleteAddressDocument,
    "\n  fragment AddressSnapshotFields on AddressSnapshot {\n    recipient\n    phone\n    regionCode\n    regionPath\n    detail\n  }\n": types.AddressSnapshotFieldsFragmentDoc,
    "\n  query OrderAddress($id: ID!) {\n    order(id: $id) {\n      id\n      orderNo\n      status\n      createdAt\n      deliveryAddress {\n        ...AddressSnapshotFields\n      }\n      supplierOrders {\n        id\n        supplierId\n        status\n        carrier\n        trackingNo\n        shipTo {\n          ...AddressSnapshotFields\n        }\n        lines {\n          id\n          productTitle\n          sku\n          spec\n          unit\n          quantity\n        }\n      }\n    }\n  }\n": types.OrderAddressDocument,
    "\n  query SupplierStore($id: ID!) {\n    supplier(id: $id) {\n      id\n      name\n      kind\n      status\n      linkageMechanism\n      linkedHouseholdCount\n      county {\n        code\n        name\n      }\n    }\n  }\n": types.SupplierStoreDocument,
    "\n  query SupplierCertifiedCount($supplierId: ID!) {\n    products(filter: { supplierId: $supplierId, certifiedOnly: true }, first: 1) {\n      totalCount\n    }\n  }\n": types.SupplierCertifiedCountDocument,
    "\n  query SortedProducts($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort) {\n    products(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductCard\n        }\n      }\n    }\n  }\n": types.SortedProductsDocument,
    "\n  fragment ProductCard on Product {\n    id\n    title\n    originRegion {\n      code\n      name\n      path {\n        code\n        name\n        level\n      }\n    }\n    supplier {\n      id\n      name\n    }\n    certification {\n      status\n      certificateNo\n      validFrom\n      validTo\n    }\n    minRetailPrice\n    images {\n      id\n      url\n    }\n  }\n": types.ProductCardFragmentDoc,
    "\n  query Products($filter: ProductFilter, $first: Int, $after: String) {\n    products(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductCard\n        }\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      title\n      description\n      status\n      category {\n        id\n        name\n        nameEn\n      }\n      originRegion {\n        code\n        name\n        path {\n          code\n          name\n          level\n        }\n      }\n      supplier {\n        id\n        name\n      }\n      certification {\n        status\n        certificateNo\n        issuer\n        batch\n        validFrom\n        validTo\n      }\n      minRetailPrice\n      images {\n        id\n        url\n      }\n      incomeShare {\n        householdCount\n        perUnitToHouseholds\n      }\n      variants {\n        id\n        sku\n        spec\n        unit\n        retailPrice\n        agencyPrice\n        marketReferencePrice\n        stockAvailable\n        active\n      }\n    }\n  }\n": types.ProductDocument,
    "\n  query Categories {\n    categories {\n      id\n      parentId\n      code\n      name\n      nameEn\n      sort\n    }\n  }\n": types.CategoriesDocument,
    "\n  query Channels {\n    channels {\n      id\n      kind\n      name\n      online\n      address\n      region {\n        code\n        name\n      }\n      productCount\n    }\n  }\n": types.ChannelsDocument,
    "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": types.RegionPathDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles\n      memberships {\n        role\n        regionPrefix\n        organization {\n          id\n          name\n          kind\n          region {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      token\n      expiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  query Regions($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n": types.RegionsDocument,
    "\n  fragment SupplierOrderFields on SupplierOrder {\n    id\n    orderId\n    supplierId\n    status\n    subtotal\n    carrier\n    trackingNo\n    shippedAt\n    deliveredAt\n    deliveryProof\n    lines {\n      id\n      variantId\n      productId\n      productTitle\n      sku\n      spec\n      unit\n      priceKind\n      unitPrice\n      quantity\n      lineTotal\n      refundedAmount\n      certified\n      certificationStatus\n      certificateNo\n      allocations {\n        id\n        lotId\n        quantity\n      }\n    }\n    history {\n      id\n      fromStatus\n      toStatus\n      actorKind\n      reason\n      createdAt\n    }\n  }\n": types.SupplierOrderFieldsFragmentDoc,
    "\n  fragment OrderSummaryFields on Order {\n    id\n    orderNo\n    status\n    buyerKind\n    buyerUserId\n    buyerOrgId\n    channelId\n    paymentMode\n    totalAmount\n    paidAmount\n    refundedAmount\n    paymentDueAt\n    wholeOrderVisible\n    createdAt\n    supplierOrders {\n      ...SupplierOrderFields\n    }\n  }\n": types.OrderSummaryFieldsFragmentDoc,
    "\n  fragment OrderDetailFields on Order {\n    ...OrderSummaryFields\n    paymentDeadlineExtended\n    invoiceNo\n    paidAt\n    deliveredAt\n    acceptedAt\n    settledAt\n    cancelledAt\n    history {\n      id\n      fromStatus\n      toStatus\n      actorKind\n      reason\n      createdAt\n    }\n    documents {\n      id\n      orderId\n      storageKey\n      contentType\n      sizeBytes\n      fileName\n      inAcceptance\n      createdAt\n      url\n    }\n    payments {\n      id\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n": types.OrderDetailFieldsFragmentDoc,
    "\n  fragment InsufficientStock on InsufficientStockError {\n    code\n    message\n    variantId\n    requested\n    available\n  }\n": types.InsufficientStockFragmentDoc,
    "\n  fragment ProductUnavailable on ProductUnavailableError {\n    code\n    message\n    variantId\n    reason\n  }\n": types.ProductUnavailableFragmentDoc,
    "\n  fragment CertificationInvalid on CertificationInvalidError {\n    code\n    message\n    variantId\n    productId\n    certificationStatus\n  }\n": types.CertificationInvalidFragmentDoc,
    "\n  fragment InvalidOrderInput on InvalidOrderInputError {\n    code\n    message\n    field\n  }\n": types.InvalidOrderInputFragmentDoc,
    "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      __typename\n      ... on Order {\n        id\n        orderNo\n      }\n      ...InsufficientStock\n      ...ProductUnavailable\n      ...CertificationInvalid\n      ...InvalidOrderInput\n      ... on PurchaseRequestRequiredError {\n        code\n        message\n      }\n    }\n  }\n": types.PlaceOrderDocument,
    "\n  query Orders($filter: OrderFilter, $first: Int, $after: String) {\n    orders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OrderSummaryFields\n        }\n      }\n    }\n  }\n": types.OrdersDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...OrderDetailFields\n    }\n  }\n": types.OrderDocument,
    "\n  mutation CancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      ...OrderDetailFields\n    }\n  }\n": types.CancelOrderDocument,
    "\n  mutation ConfirmOrder($orderId: ID!) {\n    confirmOrder(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n": types.ConfirmOrderDocument,
    "\n  mutation ExtendPaymentDeadline($orderId: ID!) {\n    extendPaymentDeadline(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n": types.ExtendPaymentDeadlineDocument,
    "\n  mutation AcceptOrder($orderId: ID!, $input: AcceptOrderInput!) {\n    acceptOrder(orderId: $orderId, input: $input) {\n      ...OrderDetailFields\n    }\n  }\n": types.AcceptOrderDocument,
    "\n  mutation SettleOrder($orderId: ID!) {\n    settleOrder(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n": types.SettleOrderDocument,
    "\n  mutation ShipSupplierOrder($supplierOrderId: ID!, $carrier: String!, $trackingNo: String!) {\n    shipSupplierOrder(supplierOrderId: $supplierOrderId, carrier: $carrier, trackingNo: $trackingNo) {\n      ...SupplierOrderFields\n    }\n  }\n": types.ShipSupplierOrderDocument,
    "\n  mutation ConfirmDelivery($supplierOrderId: ID!, $proof: String) {\n    confirmDelivery(supplierOrderId: $supplierOrderId, proof: $proof) {\n      ...SupplierOrderFields\n    }\n  }\n": types.ConfirmDeliveryDocument,
    "\n  query PaymentSetup {\n    paymentSetup {\n      stripeEnabled\n      publishableKey\n      methods\n    }\n  }\n": types.PaymentSetupDocument,
    "\n  query PaymentOptions($orderId: ID!) {\n    paymentOptions(orderId: $orderId) {\n      orderId\n      payable\n      online\n      publishableKey\n      transferPending\n      payOnDelivery\n      bankTransfer {\n        amount\n        reference\n        payeeName\n        bankName\n        accountNo\n      }\n    }\n  }\n": types.PaymentOptionsDocument,
    "\n  mutation PayOrder($orderId: ID!, $method: PaymentMethod!) {\n    payOrder(orderId: $orderId, method: $method) {\n      paymentId\n      clientSecret\n      amount\n      method\n      publishableKey\n    }\n  }\n": types.PayOrderDocument,
    "\n  mutation RecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      id\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n": types.RecordBankTransferDocument,
    "\n  query PaymentsAwaitingConfirmation {\n    paymentsAwaitingConfirmation {\n      id\n      orderId\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n": types.PaymentsAwaitingConfirmationDocument,
    "\n  mutation ConfirmBankTransfer($paymentId: ID!) {\n    confirmBankTransfer(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n": types.ConfirmBankTransferDocument,
    "\n  mutation RejectBankTransfer($paymentId: ID!, $reason: String!) {\n    rejectBankTransfer(paymentId: $paymentId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RejectBankTransferDocument,
    "\n  fragment SupplierName on Supplier {\n    id\n    name\n  }\n": types.SupplierNameFragmentDoc,
    "\n  fragment ShippedLot on Lot {\n    id\n    lotNo\n    harvestedOn\n  }\n": types.ShippedLotFragmentDoc,
    "\n  query CheckoutChannels {\n    channels {\n      id\n      kind\n      name\n      online\n      assistanceOnly\n      status\n    }\n  }\n": types.CheckoutChannelsDocument,
    "\n  fragment CartProduct on Product {\n    id\n    title\n    supplier {\n      id\n      name\n    }\n    certification {\n      status\n    }\n    variants {\n      id\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      stockAvailable\n      active\n    }\n  }\n": types.CartProductFragmentDoc,
    "\n  fragment AnomalyFindingFields on AnomalyFinding {\n    id\n    kind\n    severity\n    status\n    subjectType\n    subjectId\n    subjectLabel\n    supplierId\n    regionCode\n    summary\n    detectedVia\n    detectedAt\n    reviewedAt\n    reviewerName\n    reviewReason\n    excludedFromStatistics\n    suspensionProposalId\n    evidence {\n      figures {\n        name\n        value\n        unit\n        text\n      }\n      orderIds\n    }\n  }\n": types.AnomalyFindingFieldsFragmentDoc,
    "\n  query AnomalyFindings($filter: AnomalyFindingFilter, $first: Int, $after: String) {\n    anomalyFindings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AnomalyFindingFields\n        }\n      }\n    }\n  }\n": types.AnomalyFindingsDocument,
    "\n  query AnomalyFinding($id: ID!) {\n    anomalyFinding(id: $id) {\n      ...AnomalyFindingFields\n      evidenceOrders {\n        id\n        orderNo\n        status\n        totalAmount\n        createdAt\n      }\n    }\n  }\n": types.AnomalyFindingDocument,
    "\n  mutation ReviewAnomalyFinding(\n    $id: ID!\n    $decision: AnomalyReviewDecision!\n    $reason: String!\n    $excludeFromStatistics: Boolean\n    $proposeSuspension: Boolean\n  ) {\n    reviewAnomalyFinding(\n      id: $id\n      decision: $decision\n      reason: $reason\n      excludeFromStatistics: $excludeFromStatistics\n      proposeSuspension: $proposeSuspension\n    ) {\n      ...AnomalyFindingFields\n      evidenceOrders {\n        id\n        orderNo\n        status\n        totalAmount\n        createdAt\n      }\n    }\n  }\n": types.ReviewAnomalyFindingDocument,
    "\n  fragment SupplierFields on Supplier {\n    id\n    name\n    kind\n    status\n    creditCode\n    countyCode\n    county {\n      code\n      name\n      path {\n        code\n        name\n      }\n    }\n    linkageMechanism\n    appliedAt\n    linkedHouseholdCount\n    history {\n      fromStatus\n      toStatus\n      reason\n      actorName\n      createdAt\n    }\n  }\n": types.SupplierFieldsFragmentDoc,
    "\n  query Suppliers($filter: SupplierFilter, $first: Int) {\n    suppliers(filter: $filter, first: $first) {\n      ...SupplierFields\n    }\n  }\n": types.SuppliersDocument,
    "\n  mutation ApplyAsSupplier($input: ApplyAsSupplierInput!) {\n    applyAsSupplier(input: $input) {\n      ...SupplierFields\n    }\n  }\n": types.ApplyAsSupplierDocument,
    "\n  mutation RecommendSupplier($supplierId: ID!, $comment: String) {\n    recommendSupplier(supplierId: $supplierId, comment: $comment) {\n      ...SupplierFields\n    }\n  }\n": types.RecommendSupplierDocument,
    "\n  mutation RejectSupplier($supplierId: ID!, $reason: String!) {\n    rejectSupplier(supplierId: $supplierId, reason: $reason) {\n      ...SupplierFields\n    }\n  }\n": types.RejectSupplierDocument,
    "\n  fragment OwnProduct on Product {\n    id\n    title\n    status\n    originRegion {\n      code\n      name\n    }\n    certification {\n      id\n      status\n      certificateNo\n      validTo\n    }\n    variants {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n": types.OwnProductFragmentDoc,
    "\n  query OwnProducts($filter: ProductFilter, $first: Int, $after: String) {\n    products(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OwnProduct\n        }\n      }\n    }\n  }\n": types.OwnProductsDocument,
    "\n  query VariantUnits {\n    variantUnits\n  }\n": types.VariantUnitsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...OwnProduct\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) {\n      ...OwnProduct\n    }\n  }\n": types.PublishProductDocument,
    "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) {\n      ...OwnProduct\n    }\n  }\n": types.UnpublishProductDocument,
    "\n  mutation AddVariant($productId: ID!, $input: VariantInput!) {\n    addVariant(productId: $productId, input: $input) {\n      id\n    }\n  }\n": types.AddVariantDocument,
    "\n  query Lots($variantId: ID!) {\n    lots(variantId: $variantId) {\n      id\n      lotNo\n      harvestedOn\n      quantity\n      remaining\n      contributions {\n        householdId\n        quantity\n      }\n    }\n  }\n": types.LotsDocument,
    "\n  mutation CreateLot($input: CreateLotInput!) {\n    createLot(input: $input) {\n      id\n      lotNo\n      harvestedOn\n      quantity\n      remaining\n      contributions {\n        householdId\n        quantity\n      }\n    }\n  }\n": types.CreateLotDocument,
    "\n  query Households($filter: HouseholdFilter, $first: Int) {\n    households(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          headName\n          size\n          status\n          villageCode\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.HouseholdsDocument,
    "\n  fragment CertificationFields on Certification {\n    id\n    status\n    certificateNo\n    validFrom\n    validTo\n    createdAt\n    updatedAt\n    product {\n      id\n      title\n      supplier {\n        id\n        name\n      }\n      originRegion {\n        code\n        name\n        path {\n          code\n          name\n        }\n      }\n    }\n    history {\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n    documents {\n      id\n      fileName\n      contentType\n      sizeBytes\n      url\n      createdAt\n    }\n  }\n": types.CertificationFieldsFragmentDoc,
    "\n  query Certifications($filter: CertificationFilter, $first: Int, $after: String) {\n    certifications(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...CertificationFields\n        }\n      }\n    }\n  }\n": types.CertificationsDocument,
    "\n  mutation SubmitCertification($productId: ID!) {\n    submitCertification(productId: $productId) {\n      ...CertificationFields\n    }\n  }\n": types.SubmitCertificationDocument,
    "\n  mutation VerifyCertification($id: ID!, $comment: String) {\n    verifyCertification(id: $id, comment: $comment) {\n      ...CertificationFields\n    }\n  }\n": types.VerifyCertificationDocument,
    "\n  mutation RejectCertification($id: ID!, $reason: String!) {\n    rejectCertification(id: $id, reason: $reason) {\n      ...CertificationFields\n    }\n  }\n": types.RejectCertificationDocument,
    "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      id\n      kind\n      title\n      body\n      createdAt\n      readAt\n      orderId\n      data\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment FilingFields on ReservedShareFiling {\n    id\n    orgId\n    year\n    canteenMode\n    canteenBudget\n    ratioBps\n    minimumBps\n    reservedAmount\n    catererName\n    coveredOrgIds\n    deadline\n    late\n    version\n    decreaseReason\n    amendments {\n      version\n      kind\n      reason\n      createdAt\n    }\n  }\n": types.FilingFieldsFragmentDoc,
    "\n  query ReservedShare($orgId: ID!, $year: Int!) {\n    reservedShare(orgId: $orgId, year: $year) {\n      orgId\n      year\n      minimumBps\n      reservedAmount\n      countedAmount\n      pendingAmount\n      uncertifiedAmount\n      tradeUnionAmount\n      completionBasisPoints\n      completionPercent\n      monthly {\n        month\n        countedAmount\n      }\n      filing {\n        ...FilingFields\n      }\n    }\n  }\n": types.ReservedShareDocument,
    "\n  query SubordinateCompletion($orgId: ID!, $year: Int!) {\n    subordinateCompletion(orgId: $orgId, year: $year) {\n      rank\n      orgId\n      name\n      canteenMode\n      reservedAmount\n      countedAmount\n      pendingAmount\n      completionBasisPoints\n      completionPercent\n    }\n  }\n": types.SubordinateCompletionDocument,
    "\n  mutation FileReservedShare($input: FileReservedShareInput!) {\n    fileReservedShare(input: $input) {\n      ...FilingFields\n    }\n  }\n": types.FileReservedShareDocument,
    "\n  mutation AmendReservedShare($input: AmendReservedShareInput!) {\n    amendReservedShare(input: $input) {\n      ...FilingFields\n    }\n  }\n": types.AmendReservedShareDocument,
    "\n  mutation RequestExemption($input: RequestExemptionInput!) {\n    requestExemption(input: $input) {\n      id\n      status\n      ratioBps\n      minimumBps\n    }\n  }\n": types.RequestExemptionDocument,
    "\n  query Exemptions($filter: ExemptionFilter) {\n    reservedShareExemptions(filter: $filter) {\n      id\n      year\n      ratioBps\n      minimumBps\n      status\n      reason\n      decisionComment\n    }\n  }\n": types.ExemptionsDocument,
    "\n  query PreviewBasket($input: BasketInput!) {\n    previewBasket(input: $input) {\n      totalAmount\n      spendingLimit\n      withinLimit\n      approvalRequired\n    }\n  }\n": types.PreviewBasketDocument,
    "\n  fragment PurchaseRequestFields on PurchaseRequest {\n    id\n    requestNo\n    orgId\n    purchaserUserId\n    purchaserName\n    orderId\n    orderNo\n    orderStatus\n    status\n    terms\n    justification\n    totalAmount\n    spendingLimit\n    autoApproved\n    splitSuspected\n    poNumber\n    poUrl\n    decisionComment\n    createdAt\n    lines {\n      variantId\n      productTitle\n      spec\n      unit\n      unitPrice\n      quantity\n      lineTotal\n    }\n  }\n": types.PurchaseRequestFieldsFragmentDoc,
    "\n  query PurchaseRequests($filter: PurchaseRequestFilter, $first: Int, $after: String) {\n    purchaseRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PurchaseRequestFields\n        }\n      }\n    }\n  }\n": types.PurchaseRequestsDocument,
    "\n  mutation SubmitPurchaseRequest($input: SubmitPurchaseRequestInput!) {\n    submitPurchaseRequest(input: $input) {\n      __typename\n      ... on PurchaseRequest {\n        ...PurchaseRequestFields\n      }\n      ...InsufficientStock\n      ...ProductUnavailable\n      ...CertificationInvalid\n      ...InvalidOrderInput\n    }\n  }\n": types.SubmitPurchaseRequestDocument,
    "\n  mutation ApprovePurchaseRequest($id: ID!, $comment: String) {\n    approvePurchaseRequest(id: $id, comment: $comment) {\n      ...PurchaseRequestFields\n    }\n  }\n": types.ApprovePurchaseRequestDocument,
    "\n  mutation RejectPurchaseRequest($id: ID!, $reason: String!) {\n    rejectPurchaseRequest(id: $id, reason: $reason) {\n      ...PurchaseRequestFields\n    }\n  }\n": types.RejectPurchaseRequestDocument,
    "\n  query UnitMembers($orgId: ID!) {\n    unitMembers(orgId: $orgId) {\n      userId\n      displayName\n      phone\n      roles\n      spendingLimit\n      approvalLimit\n    }\n  }\n": types.UnitMembersDocument,
    "\n  mutation SetSpendingLimit($userId: ID!, $amount: Money!, $orgId: ID) {\n    setSpendingLimit(userId: $userId, amount: $amount, orgId: $orgId) {\n      userId\n      kind\n      amount\n    }\n  }\n": types.SetSpendingLimitDocument,
    "\n  mutation SetApprovalLimit($userId: ID!, $amount: Money!, $orgId: ID) {\n    setApprovalLimit(userId: $userId, amount: $amount, orgId: $orgId) {\n      userId\n      kind\n      amount\n    }\n  }\n": types.SetApprovalLimitDocument,
    "\n  query ProcurementPolicy($orgId: ID!) {\n    procurementPolicy(orgId: $orgId) {\n      orgId\n      skipApprovalBelowLimit\n      splitWindowMinutes\n    }\n  }\n": types.ProcurementPolicyDocument,
    "\n  mutation SetProcurementPolicy($orgId: ID!, $input: ProcurementPolicyInput!) {\n    setProcurementPolicy(orgId: $orgId, input: $input) {\n      orgId\n      skipApprovalBelowLimit\n      splitWindowMinutes\n    }\n  }\n": types.SetProcurementPolicyDocument,
    "\n  fragment ProducePaymentFields on ProducePayment {\n    id\n    amount\n    status\n    method\n    reference\n    paidOn\n  }\n": types.ProducePaymentFieldsFragmentDoc,
    "\n  fragment ProduceReceiptFields on ProduceReceipt {\n    id\n    commitmentId\n    offerId\n    supplierName\n    lotNo\n    quantity\n    committedQuantity\n    shortfall\n    unitPrice\n    amount\n    householdConfirmedAt\n    receivedAt\n    payment {\n      ...ProducePaymentFields\n    }\n  }\n": types.ProduceReceiptFieldsFragmentDoc,
    "\n  fragment ProduceCommitmentFields on ProduceCommitment {\n    id\n    offerId\n    supplierId\n    supplierName\n    quantity\n    unitPrice\n    amount\n    belowAskingPrice\n    pickupDate\n    note\n    status\n    declineReason\n    receipt {\n      ...ProduceReceiptFields\n    }\n  }\n": types.ProduceCommitmentFieldsFragmentDoc,
    "\n  fragment ProduceOfferFields on ProduceOffer {\n    id\n    householdId\n    villageCode\n    cropName\n    variety\n    quantity\n    committedQuantity\n    availableQuantity\n    unit\n    availableFrom\n    availableUntil\n    askingPrice\n    note\n    imageUrls\n    status\n    assisted\n    createdAt\n    household {\n      id\n      headName\n      village {\n        name\n      }\n    }\n    commitments {\n      ...ProduceCommitmentFields\n    }\n  }\n": types.ProduceOfferFieldsFragmentDoc,
    "\n  query MyProduceOffers {\n    myProduceOffers {\n      ...ProduceOfferFields\n    }\n  }\n": types.MyProduceOffersDocument,
    "\n  query ProduceOffers($filter: ProduceOfferFilter, $first: Int, $after: String) {\n    produceOffers(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProduceOfferFields\n        }\n      }\n    }\n  }\n": types.ProduceOffersDocument,
    "\n  mutation CreateProduceOffer($input: CreateProduceOfferInput!) {\n    createProduceOffer(input: $input) {\n      ...ProduceOfferFields\n    }\n  }\n": types.CreateProduceOfferDocument,
    "\n  mutation WithdrawProduceOffer($id: ID!, $reason: String) {\n    withdrawProduceOffer(id: $id, reason: $reason) {\n      ...ProduceOfferFields\n    }\n  }\n": types.WithdrawProduceOfferDocument,
    "\n  mutation AcceptProduceCommitment($id: ID!) {\n    acceptProduceCommitment(id: $id) {\n      ...ProduceCommitmentFields\n    }\n  }\n": types.AcceptProduceCommitmentDocument,
    "\n  mutation DeclineProduceCommitment($id: ID!, $reason: String!) {\n    declineProduceCommitment(id: $id, reason: $reason) {\n      ...ProduceCommitmentFields\n    }\n  }\n": types.DeclineProduceCommitmentDocument,
    "\n  mutation ConfirmProduceReceipt($receiptId: ID!) {\n    confirmProduceReceipt(receiptId: $receiptId) {\n      ...ProduceReceiptFields\n    }\n  }\n": types.ConfirmProduceReceiptDocument,
    "\n  mutation CommitToProduceOffer(\n    $offerId: ID!\n    $quantity: Int!\n    $unitPrice: Money!\n    $pickupDate: String!\n    $note: String\n    $supplierId: ID\n  ) {\n    commitToProduceOffer(\n      offerId: $offerId\n      quantity: $quantity\n      unitPrice: $unitPrice\n      pickupDate: $pickupDate\n      note: $note\n      supplierId: $supplierId\n    ) {\n      __typename\n      ... on ProduceCommitment {\n        ...ProduceCommitmentFields\n      }\n      ... on OfferQuantityExceededError {\n        code\n        requested\n        available\n      }\n      ... on OfferNotOpenError {\n        code\n        offerStatus\n      }\n    }\n  }\n": types.CommitToProduceOfferDocument,
    "\n  query ProduceCommitments($status: ProduceCommitmentStatus) {\n    produceCommitments(status: $status) {\n      ...ProduceCommitmentFields\n      offer {\n        id\n        cropName\n        unit\n        villageCode\n        assisted\n        household {\n          headName\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ProduceCommitmentsDocument,
    "\n  mutation RecordProduceReceipt(\n    $commitmentId: ID!\n    $quantity: Int!\n    $lotId: ID\n    $newLot: NewLotInput\n    $lotQuantity: Int\n    $householdConfirmation: String\n  ) {\n    recordProduceReceipt(\n      commitmentId: $commitmentId\n      quantity: $quantity\n      lotId: $lotId\n      newLot: $newLot\n      lotQuantity: $lotQuantity\n      householdConfirmation: $householdConfirmation\n    ) {\n      __typename\n      ... on ProduceReceipt {\n        ...ProduceReceiptFields\n      }\n      ... on ReceiptExceedsCommitmentError {\n        code\n        committed\n        received\n      }\n    }\n  }\n": types.RecordProduceReceiptDocument,
    "\n  mutation RecordProducePayment($receiptId: ID!, $method: ProducePaymentMethod!, $reference: String!, $paidOn: String) {\n    recordProducePayment(receiptId: $receiptId, method: $method, reference: $reference, paidOn: $paidOn) {\n      ...ProducePaymentFields\n    }\n  }\n": types.RecordProducePaymentDocument,
    "\n  fragment IncomeStatementFields on IncomeStatement {\n    month\n    status\n    purchasePaidTotal\n    purchasePendingTotal\n    attributedTotal\n    purchases {\n      receiptId\n      supplierName\n      cropName\n      unit\n      quantity\n      committedQuantity\n      unitPrice\n      amount\n      lotNo\n      receivedAt\n      paymentStatus\n      paymentMethod\n      paidOn\n    }\n    attributedIncome {\n      productId\n      productTitle\n      amount\n    }\n    attributedOrders {\n      orderId\n      orderNo\n      productTitle\n      lotNo\n      amount\n    }\n    confirmation {\n      confirmedAt\n    }\n    disputes {\n      id\n      kind\n      note\n      status\n      amount\n      resolution\n    }\n  }\n": types.IncomeStatementFieldsFragmentDoc,
    "\n  query MyIncomeStatement($month: String!) {\n    myIncomeStatement(month: $month) {\n      ...IncomeStatementFields\n    }\n  }\n": types.MyIncomeStatementDocument,
    "\n  mutation ConfirmMonthlyIncome($month: String!) {\n    confirmMonthlyIncome(month: $month) {\n      ...IncomeStatementFields\n    }\n  }\n": types.ConfirmMonthlyIncomeDocument,
    "\n  mutation DisputeIncomeLine($input: DisputeIncomeLineInput!) {\n    disputeIncomeLine(input: $input) {\n      id\n    }\n  }\n": types.DisputeIncomeLineDocument,
    "\n  query CountyTransparency($countyCode: String!, $year: Int) {\n    countyTransparency(countyCode: $countyCode, year: $year) {\n      countyCode\n      year\n      purchasePaid\n      purchasePending\n      attributedIncome\n      reachedHouseholds\n      householdsDriven\n      topProducts {\n        productId\n        productTitle\n        householdIncome\n      }\n      topCrops {\n        cropName\n        unit\n        quantity\n        amount\n      }\n    }\n    region(code: $countyCode) {\n      code\n      name\n      path {\n        name\n      }\n    }\n  }\n": types.CountyTransparencyDocument,
    "\n  query MyHouseholdVillage {\n    myHousehold {\n      id\n      villageCode\n      village {\n        name\n      }\n    }\n  }\n": types.MyHouseholdVillageDocument,
    "\n  mutation RegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      accepted\n      message\n    }\n  }\n": types.RegisterCustomerDocument,
    "\n  mutation RequestPasswordReset($identifier: String!) {\n    requestPasswordReset(identifier: $identifier) {\n      accepted\n      message\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  query ApiInfo {\n    apiInfo {\n      demoData\n    }\n  }\n": types.ApiInfoDocument,
    "\n  fragment SalesFiguresFields on SalesFigures {\n    grossAmount\n    refundAmount\n    netAmount\n    certifiedNetAmount\n    uncertifiedNetAmount\n    orderCount\n    unitCount\n    buyerCount\n    householdsDriven\n  }\n": types.SalesFiguresFieldsFragmentDoc,
    "\n  query SalesStats($regionCode: String!, $from: String!, $to: String!, $groupBy: SalesGroupBy!, $side: StatsSide) {\n    salesStats(regionCode: $regionCode, from: $from, to: $to, groupBy: $groupBy, side: $side) {\n      regionCode\n      regionPath\n      fromDay\n      toDay\n      groupBy\n      side\n      total {\n        ...SalesFiguresFields\n      }\n      rows {\n        key\n        label\n        figures {\n          ...SalesFiguresFields\n        }\n      }\n    }\n  }\n": types.SalesStatsDocument,
    "\n  query AssistanceIndicators($regionCode: String!, $date: String!) {\n    assistanceIndicators(regionCode: $regionCode, date: $date) {\n      regionCode\n      regionPath\n      date\n      hallCount\n      zoneCount\n      counterCount\n      certifiedSupplierCount\n      certifiedProductCount\n      salesAmountYtd\n      uncertifiedSalesAmountYtd\n      householdsDriven\n      exPovertyHouseholdsDriven\n      monitoredHouseholdsDriven\n      villageCollectiveIncome\n      summary\n    }\n  }\n": types.AssistanceIndicatorsDocument,
    "\n  query ChannelCertifiedShare($regionCode: String!, $from: String!, $to: String!, $side: StatsSide) {\n    channelCertifiedShare(regionCode: $regionCode, from: $from, to: $to, side: $side) {\n      regionCode\n      fromDay\n      toDay\n      side\n      thresholdBps\n      channels {\n        channelId\n        name\n        kind\n        netAmount\n        certifiedNetAmount\n        uncertifiedNetAmount\n        certifiedShareBps\n        warning\n      }\n    }\n  }\n": types.ChannelCertifiedShareDocument,
    "\n  query RegionCompletion($regionCode: String!, $year: Int!) {\n    regionCompletion(regionCode: $regionCode, year: $year) {\n      rank\n      orgId\n      name\n      regionCode\n      reservedAmount\n      countedAmount\n      pendingAmount\n      completionBasisPoints\n      completionPercent\n    }\n  }\n": types.RegionCompletionDocument,
    "\n  fragment SupervisionFiguresFields on SupervisionFigures {\n    unitsRegistered\n    unitsFiled\n    unitsActivated\n    reservedAmount\n    countedAmount\n    pendingAmount\n    completionBasisPoints\n    previousReservedAmount\n    reservedChangeAmount\n    reservedChangeBasisPoints\n  }\n": types.SupervisionFiguresFieldsFragmentDoc,
    "\n  query CompletionRanking($regionCode: String!, $year: Int!, $groupBy: SupervisionGroupBy!, $month: Int) {\n    completionRanking(regionCode: $regionCode, year: $year, groupBy: $groupBy, month: $month) {\n      regionCode\n      regionPath\n      year\n      month\n      groupBy\n      snapshot {\n        year\n        month\n        source\n        publishedAt\n      }\n      rows {\n        rank\n        key\n        label\n        decreaseReason\n        countedDifference\n        completionDifferenceBasisPoints\n        figures {\n          ...SupervisionFiguresFields\n        }\n        live {\n          countedAmount\n          completionBasisPoints\n        }\n      }\n      total {\n        rank\n        key\n        label\n        decreaseReason\n        countedDifference\n        completionDifferenceBasisPoints\n        figures {\n          ...SupervisionFiguresFields\n        }\n        live {\n          countedAmount\n          completionBasisPoints\n        }\n      }\n    }\n  }\n": types.CompletionRankingDocument,
    "\n  query PaymentClock($filter: PaymentClockFilter, $asOf: String) {\n    paymentClock(filter: $filter, asOf: $asOf) {\n      asOf\n      outstandingAmount\n      overdueAmount\n      interestAmount\n      overdueCount\n      entries {\n        orderId\n        orderNo\n        orgId\n        unitName\n        supplierId\n        supplierName\n        amount\n        acceptedOn\n        termDays\n        dailyRatePpm\n        dueOn\n        paidOn\n        status\n        daysOverdue\n        interestAmount\n        outstandingAmount\n      }\n      overdueUnits {\n        orgId\n        name\n        overdueCount\n        overdueAmount\n        interestAmount\n        maxDaysOverdue\n      }\n    }\n  }\n": types.PaymentClockDocument,
    "\n  query UnitFilings($orgId: ID!) {\n    reservedShareFilings(orgId: $orgId) {\n      id\n      year\n      canteenMode\n      ratioBps\n      reservedAmount\n      late\n      version\n      decreaseReason\n    }\n  }\n": types.UnitFilingsDocument,
    "\n  query SupplierOrderCounts($supplierId: ID!) {\n    supplierOrderCounts(supplierId: $supplierId) {\n      toShip\n      shipped\n      delivered\n      all\n    }\n  }\n": types.SupplierOrderCountsDocument,
    "\n  fragment EditableProduct on Product {\n    id\n    title\n    description\n    status\n    images {\n      id\n      url\n      thumbnailUrl\n      sort\n      width\n      height\n    }\n    variants {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n": types.EditableProductFragmentDoc,
    "\n  query EditableProduct($id: ID!) {\n    product(id: $id) {\n      ...EditableProduct\n    }\n  }\n": types.EditableProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      ...EditableProduct\n    }\n  }\n": types.UpdateProductDocument,
    "\n  mutation UpdateVariant($input: UpdateVariantInput!) {\n    updateVariant(input: $input) {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n": types.UpdateVariantDocument,
    "\n  mutation ReorderProductImages($productId: ID!, $imageIds: [ID!]!) {\n    reorderProductImages(productId: $productId, imageIds: $imageIds) {\n      id\n      url\n      thumbnailUrl\n      sort\n      width\n      height\n    }\n  }\n": types.ReorderProductImagesDocument,
    "\n  mutation RemoveProductImage($imageId: ID!) {\n    removeProductImage(imageId: $imageId)\n  }\n": types.RemoveProductImageDocument,
    "\n  query CertificationDocuments($id: ID!) {\n    certification(id: $id) {\n      id\n      status\n      documents {\n        id\n        fileName\n        contentType\n        sizeBytes\n        url\n        createdAt\n      }\n    }\n  }\n": types.CertificationDocumentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($everywhere: Boolean) {\n    logout(everywhere: $everywhere)\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountEvents {\n    me {\n      id\n      accountEvents(first: 20) {\n        id\n        kind\n        ip\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').AccountEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {\n    setUserDisabled(userId: $userId, disabled: $disabled) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SetUserDisabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ApproveSupplier($supplierId: ID!, $comment: String) {\n      approveSupplier(supplierId: $supplierId, comment: $comment) {\n        id\n        status\n      }\n    }\n  "): typeof import('./graphql').ApproveSupplierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RejectSupplierAdmin($supplierId: ID!, $reason: String!) {\n      rejectSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  "): typeof import('./graphql').RejectSupplierAdminDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SuspendSupplier($supplierId: ID!, $reason: String!) {\n      suspendSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  "): typeof import('./graphql').SuspendSupplierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReinstateSupplier($supplierId: ID!, $comment: String) {\n      reinstateSupplier(supplierId: $supplierId, comment: $comment) {\n        id\n        status\n      }\n    }\n  "): typeof import('./graphql').ReinstateSupplierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RevokeSupplier($supplierId: ID!, $reason: String!) {\n      revokeSupplier(supplierId: $supplierId, reason: $reason) {\n        id\n        status\n      }\n    }\n  "): typeof import('./graphql').RevokeSupplierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CertifyProduct($id: ID!, $input: CertifyProductInput!) {\n    certifyProduct(id: $id, input: $input) {\n      id\n      status\n      certificateNo\n      validFrom\n      validTo\n    }\n  }\n"): typeof import('./graphql').CertifyProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCertification($id: ID!, $reason: String!) {\n    revokeCertification(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RevokeCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($search: String, $role: Role, $organizationId: ID, $first: Int) {\n    users(search: $search, role: $role, organizationId: $organizationId, first: $first) {\n      id\n      displayName\n      email\n      phone\n      status\n      createdAt\n      memberships {\n        id\n        role\n        regionPrefix\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganizations($kind: OrganizationKind) {\n    organizations(kind: $kind) {\n      id\n      name\n      kind\n      status\n      creditCode\n      regionCode\n      parentId\n    }\n  }\n"): typeof import('./graphql').AdminOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      status\n      creditCode\n      regionCode\n      parentId\n    }\n  }\n"): typeof import('./graphql').CreateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantMembership($input: GrantMembershipInput!) {\n    grantMembership(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').GrantMembershipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeMembership($id: ID!) {\n    revokeMembership(id: $id)\n  }\n"): typeof import('./graphql').RevokeMembershipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrderRefunds($orderId: ID!) {\n    orderRefunds(orderId: $orderId) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n"): typeof import('./graphql').AdminOrderRefundsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRefundOrder($orderId: ID!, $amount: Money, $reason: String) {\n    refundOrder(orderId: $orderId, amount: $amount, reason: $reason) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n"): typeof import('./graphql').AdminRefundOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentRefunds($status: RefundStatus, $first: Int) {\n    refunds(status: $status, first: $first) {\n      id\n      orderId\n      amount\n      status\n      origin\n      reason\n      failure\n      createdAt\n    }\n  }\n"): typeof import('./graphql').RecentRefundsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlaggedPayments {\n    flaggedPayments {\n      id\n      orderId\n      amount\n      method\n      status\n      flag\n      flagReason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').FlaggedPaymentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundUnmatchedPayment($paymentId: ID!) {\n    refundUnmatchedPayment(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RefundUnmatchedPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayoutBatchFields on PayoutBatch {\n    id\n    status\n    totalAmount\n    createdAt\n    completedAt\n    csvUrl\n    skippedSupplierIds\n    payouts {\n      id\n    }\n  }\n"): typeof import('./graphql').PayoutBatchFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayoutBatches($first: Int) {\n    payoutBatches(first: $first) {\n      ...PayoutBatchFields\n    }\n  }\n"): typeof import('./graphql').PayoutBatchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePayoutBatch {\n    createPayoutBatch {\n      ...PayoutBatchFields\n    }\n  }\n"): typeof import('./graphql').CreatePayoutBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryPayoutBatch($batchId: ID!) {\n    retryPayoutBatch(batchId: $batchId) {\n      ...PayoutBatchFields\n    }\n  }\n"): typeof import('./graphql').RetryPayoutBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChannelFields on Channel {\n    id\n    name\n    kind\n    status\n    online\n    assistanceOnly\n    address\n    deviceId\n    productCount\n    region {\n      code\n      name\n    }\n  }\n"): typeof import('./graphql').ChannelFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminChannels {\n    channels(includeDisabled: true) {\n      ...ChannelFields\n    }\n  }\n"): typeof import('./graphql').AdminChannelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChannel($input: CreateChannelInput!) {\n    createChannel(input: $input) {\n      deviceSecret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCounterSecret($channelId: ID!) {\n    rotateCounterSecret(channelId: $channelId) {\n      deviceSecret\n      channel {\n        ...ChannelFields\n      }\n    }\n  }\n"): typeof import('./graphql').RotateCounterSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation EnableChannel($channelId: ID!) {\n      enableChannel(channelId: $channelId) {\n        ...ChannelFields\n      }\n    }\n  "): typeof import('./graphql').EnableChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation DisableChannel($channelId: ID!) {\n      disableChannel(channelId: $channelId) {\n        ...ChannelFields\n      }\n    }\n  "): typeof import('./graphql').DisableChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceProductInChannel($channelId: ID!, $productId: ID!) {\n    placeProductInChannel(channelId: $channelId, productId: $productId) {\n      ...ChannelFields\n    }\n  }\n"): typeof import('./graphql').PlaceProductInChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProductPick($search: String) {\n    products(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          title\n          supplier {\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminProductPickDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionFlags($code: String!) {\n    region(code: $code) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n"): typeof import('./graphql').RegionFlagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRegionFlags($code: String!, $exPovertyCounty: Boolean, $keyAssistanceCounty: Boolean) {\n    setRegionFlags(code: $code, exPovertyCounty: $exPovertyCounty, keyAssistanceCounty: $keyAssistanceCounty) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n"): typeof import('./graphql').SetRegionFlagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JurisdictionMinimums {\n    jurisdictionMinimums {\n      regionPrefix\n      ratioBps\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').JurisdictionMinimumsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetJurisdictionMinimum($regionCode: String!, $ratioBps: Int!) {\n    setJurisdictionMinimum(regionCode: $regionCode, ratioBps: $ratioBps) {\n      regionPrefix\n      ratioBps\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').SetJurisdictionMinimumDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedJobs($queue: String) {\n    jobQueues {\n      name\n      failed\n    }\n    failedJobs(first: 100, queue: $queue) {\n      id\n      queue\n      name\n      data\n      failedReason\n      attemptsMade\n      failedAt\n      timestamp\n    }\n  }\n"): typeof import('./graphql').FailedJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryFailedJob($id: ID!, $queue: String!) {\n    retryFailedJob(id: $id, queue: $queue)\n  }\n"): typeof import('./graphql').RetryFailedJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardFailedJob($id: ID!, $queue: String!) {\n    discardFailedJob(id: $id, queue: $queue)\n  }\n"): typeof import('./graphql').DiscardFailedJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ComplaintFields on Complaint {\n    id\n    orderId\n    orderNo\n    supplierOrderId\n    supplierId\n    supplierName\n    regionCode\n    kind\n    description\n    status\n    supplierAnswer\n    answeredAt\n    remedy\n    refundAmount\n    refundableAmount\n    decisionReason\n    decidedAt\n    createdAt\n    canDecide\n    photos {\n      id\n      url\n      contentType\n      sizeBytes\n    }\n  }\n"): typeof import('./graphql').ComplaintFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Complaints($filter: ComplaintFilterInput, $first: Int, $after: String) {\n    complaints(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ComplaintFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ComplaintsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderAftersales($orderId: ID!) {\n    orderRatings(orderId: $orderId) {\n      id\n      supplierOrderId\n      score\n      comment\n      createdAt\n    }\n    complaints(filter: { orderId: $orderId }, first: 100) {\n      edges {\n        node {\n          ...ComplaintFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrderAftersalesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateSupplierOrder($supplierOrderId: ID!, $score: Int!, $comment: String) {\n    rateSupplierOrder(supplierOrderId: $supplierOrderId, score: $score, comment: $comment) {\n      id\n      supplierOrderId\n      score\n      comment\n      createdAt\n    }\n  }\n"): typeof import('./graphql').RateSupplierOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenComplaint($input: OpenComplaintInput!) {\n    openComplaint(input: $input) {\n      ...ComplaintFields\n    }\n  }\n"): typeof import('./graphql').OpenComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      ...ComplaintFields\n    }\n  }\n"): typeof import('./graphql').AnswerComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideComplaint($id: ID!, $input: DecideComplaintInput!) {\n    decideComplaint(id: $id, input: $input) {\n      ...ComplaintFields\n    }\n  }\n"): typeof import('./graphql').DecideComplaintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierScorecard($supplierId: ID!) {\n    supplierScorecard(supplierId: $supplierId) {\n      ratingAverage\n      ratingCount\n      deliveredOrders\n      complaintCount\n      openComplaints\n      complaintRateBps\n      upheldComplaints\n      upheldRecent\n      upheldWindowDays\n      shippedOrders\n      onTimeShipped\n      onTimeShippingBps\n      onTimeShippingHours\n      warnings {\n        id\n        ruleCode\n        level\n        reason\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').SupplierScorecardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuspensionProposals($status: SuspensionProposalStatus) {\n    supplierSuspensionProposals(status: $status, first: 100) {\n      edges {\n        node {\n          id\n          supplierId\n          supplierName\n          supplierStatus\n          source\n          reason\n          status\n          proposedAt\n          decidedAt\n          decisionReason\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SuspensionProposalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideSuspensionProposal($id: ID!, $decision: SuspensionDecision!, $reason: String!) {\n    decideSupplierSuspensionProposal(id: $id, decision: $decision, reason: $reason) {\n      id\n      status\n      supplierStatus\n      decidedAt\n      decisionReason\n    }\n  }\n"): typeof import('./graphql').DecideSuspensionProposalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderAttribution($orderId: ID!) {\n    orderAttribution(orderId: $orderId) {\n      orderId\n      counted\n      attributedAmount\n      householdAmount\n      householdCount\n      lines {\n        orderLineId\n        productTitle\n        quantity\n        lineTotal\n        ruleKind\n        attributedAmount\n        capped\n        beneficiaries {\n          kind\n          householdId\n          name\n          villageName\n          lotNo\n          amount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrderAttributionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyHouseholdIncome($from: String!, $to: String!) {\n    myHousehold {\n      id\n      headName\n      village {\n        code\n        name\n      }\n    }\n    myHouseholdIncome(from: $from, to: $to) {\n      householdId\n      fromPeriod\n      toPeriod\n      totalAmount\n      months {\n        period\n        amount\n        products {\n          productId\n          productTitle\n          amount\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyHouseholdIncomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          seq\n          at\n          kind\n          operation\n          outcome\n          actorUserId\n          actorName\n          actorOrgName\n          actorRole\n          entityType\n          entityId\n          regionCode\n          summary\n          clientIp\n          requestId\n          hash\n          prevHash\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditChainStatus {\n    auditChainStatus {\n      headSeq\n      headHash\n      checkpoints {\n        day\n        verifiedAt\n        ok\n        checkedCount\n        firstBrokenEventId\n        headSeq\n        headHash\n      }\n    }\n  }\n"): typeof import('./graphql').AuditChainStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain($from: String, $to: String) {\n    verifyAuditChain(from: $from, to: $to) {\n      ok\n      checkedCount\n      firstBrokenEventId\n    }\n  }\n"): typeof import('./graphql').VerifyAuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AddressFields on CustomerAddress {\n    id\n    recipient\n    phone\n    regionCode\n    regionPath\n    detail\n    isDefault\n  }\n"): typeof import('./graphql').AddressFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAddresses {\n    myAddresses {\n      ...AddressFields\n    }\n  }\n"): typeof import('./graphql').MyAddressesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAddress($input: AddressInput!) {\n    createAddress(input: $input) {\n      ...AddressFields\n    }\n  }\n"): typeof import('./graphql').CreateAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...AddressFields\n    }\n  }\n"): typeof import('./graphql').UpdateAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...AddressFields\n    }\n  }\n"): typeof import('./graphql').SetDefaultAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAddress($id: ID!) {\n    deleteAddress(id: $id)\n  }\n"): typeof import('./graphql').DeleteAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AddressSnapshotFields on AddressSnapshot {\n    recipient\n    phone\n    regionCode\n    regionPath\n    detail\n  }\n"): typeof import('./graphql').AddressSnapshotFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderAddress($id: ID!) {\n    order(id: $id) {\n      id\n      orderNo\n      status\n      createdAt\n      deliveryAddress {\n        ...AddressSnapshotFields\n      }\n      supplierOrders {\n        id\n        supplierId\n        status\n        carrier\n        trackingNo\n        shipTo {\n          ...AddressSnapshotFields\n        }\n        lines {\n          id\n          productTitle\n          sku\n          spec\n          unit\n          quantity\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrderAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierStore($id: ID!) {\n    supplier(id: $id) {\n      id\n      name\n      kind\n      status\n      linkageMechanism\n      linkedHouseholdCount\n      county {\n        code\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').SupplierStoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierCertifiedCount($supplierId: ID!) {\n    products(filter: { supplierId: $supplierId, certifiedOnly: true }, first: 1) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').SupplierCertifiedCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SortedProducts($filter: ProductFilter, $first: Int, $after: String, $sort: ProductSort) {\n    products(filter: $filter, first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductCard\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SortedProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductCard on Product {\n    id\n    title\n    originRegion {\n      code\n      name\n      path {\n        code\n        name\n        level\n      }\n    }\n    supplier {\n      id\n      name\n    }\n    certification {\n      status\n      certificateNo\n      validFrom\n      validTo\n    }\n    minRetailPrice\n    images {\n      id\n      url\n    }\n  }\n"): typeof import('./graphql').ProductCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($filter: ProductFilter, $first: Int, $after: String) {\n    products(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductCard\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($id: ID!) {\n    product(id: $id) {\n      id\n      title\n      description\n      status\n      category {\n        id\n        name\n        nameEn\n      }\n      originRegion {\n        code\n        name\n        path {\n          code\n          name\n          level\n        }\n      }\n      supplier {\n        id\n        name\n      }\n      certification {\n        status\n        certificateNo\n        issuer\n        batch\n        validFrom\n        validTo\n      }\n      minRetailPrice\n      images {\n        id\n        url\n      }\n      incomeShare {\n        householdCount\n        perUnitToHouseholds\n      }\n      variants {\n        id\n        sku\n        spec\n        unit\n        retailPrice\n        agencyPrice\n        marketReferencePrice\n        stockAvailable\n        active\n      }\n    }\n  }\n"): typeof import('./graphql').ProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories {\n    categories {\n      id\n      parentId\n      code\n      name\n      nameEn\n      sort\n    }\n  }\n"): typeof import('./graphql').CategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Channels {\n    channels {\n      id\n      kind\n      name\n      online\n      address\n      region {\n        code\n        name\n      }\n      productCount\n    }\n  }\n"): typeof import('./graphql').ChannelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n"): typeof import('./graphql').RegionPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      roles\n      memberships {\n        role\n        regionPrefix\n        organization {\n          id\n          name\n          kind\n          region {\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($identifier: String!, $password: String!) {\n    login(identifier: $identifier, password: $password) {\n      token\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n      exPovertyCounty\n      keyAssistanceCounty\n    }\n  }\n"): typeof import('./graphql').RegionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplierOrderFields on SupplierOrder {\n    id\n    orderId\n    supplierId\n    status\n    subtotal\n    carrier\n    trackingNo\n    shippedAt\n    deliveredAt\n    deliveryProof\n    lines {\n      id\n      variantId\n      productId\n      productTitle\n      sku\n      spec\n      unit\n      priceKind\n      unitPrice\n      quantity\n      lineTotal\n      refundedAmount\n      certified\n      certificationStatus\n      certificateNo\n      allocations {\n        id\n        lotId\n        quantity\n      }\n    }\n    history {\n      id\n      fromStatus\n      toStatus\n      actorKind\n      reason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').SupplierOrderFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderSummaryFields on Order {\n    id\n    orderNo\n    status\n    buyerKind\n    buyerUserId\n    buyerOrgId\n    channelId\n    paymentMode\n    totalAmount\n    paidAmount\n    refundedAmount\n    paymentDueAt\n    wholeOrderVisible\n    createdAt\n    supplierOrders {\n      ...SupplierOrderFields\n    }\n  }\n"): typeof import('./graphql').OrderSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderDetailFields on Order {\n    ...OrderSummaryFields\n    paymentDeadlineExtended\n    invoiceNo\n    paidAt\n    deliveredAt\n    acceptedAt\n    settledAt\n    cancelledAt\n    history {\n      id\n      fromStatus\n      toStatus\n      actorKind\n      reason\n      createdAt\n    }\n    documents {\n      id\n      orderId\n      storageKey\n      contentType\n      sizeBytes\n      fileName\n      inAcceptance\n      createdAt\n      url\n    }\n    payments {\n      id\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').OrderDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InsufficientStock on InsufficientStockError {\n    code\n    message\n    variantId\n    requested\n    available\n  }\n"): typeof import('./graphql').InsufficientStockFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductUnavailable on ProductUnavailableError {\n    code\n    message\n    variantId\n    reason\n  }\n"): typeof import('./graphql').ProductUnavailableFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificationInvalid on CertificationInvalidError {\n    code\n    message\n    variantId\n    productId\n    certificationStatus\n  }\n"): typeof import('./graphql').CertificationInvalidFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvalidOrderInput on InvalidOrderInputError {\n    code\n    message\n    field\n  }\n"): typeof import('./graphql').InvalidOrderInputFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceOrder($input: PlaceOrderInput!) {\n    placeOrder(input: $input) {\n      __typename\n      ... on Order {\n        id\n        orderNo\n      }\n      ...InsufficientStock\n      ...ProductUnavailable\n      ...CertificationInvalid\n      ...InvalidOrderInput\n      ... on PurchaseRequestRequiredError {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').PlaceOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($filter: OrderFilter, $first: Int, $after: String) {\n    orders(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OrderSummaryFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...OrderDetailFields\n    }\n  }\n"): typeof import('./graphql').OrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      ...OrderDetailFields\n    }\n  }\n"): typeof import('./graphql').CancelOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmOrder($orderId: ID!) {\n    confirmOrder(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n"): typeof import('./graphql').ConfirmOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExtendPaymentDeadline($orderId: ID!) {\n    extendPaymentDeadline(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n"): typeof import('./graphql').ExtendPaymentDeadlineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptOrder($orderId: ID!, $input: AcceptOrderInput!) {\n    acceptOrder(orderId: $orderId, input: $input) {\n      ...OrderDetailFields\n    }\n  }\n"): typeof import('./graphql').AcceptOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettleOrder($orderId: ID!) {\n    settleOrder(orderId: $orderId) {\n      ...OrderDetailFields\n    }\n  }\n"): typeof import('./graphql').SettleOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipSupplierOrder($supplierOrderId: ID!, $carrier: String!, $trackingNo: String!) {\n    shipSupplierOrder(supplierOrderId: $supplierOrderId, carrier: $carrier, trackingNo: $trackingNo) {\n      ...SupplierOrderFields\n    }\n  }\n"): typeof import('./graphql').ShipSupplierOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmDelivery($supplierOrderId: ID!, $proof: String) {\n    confirmDelivery(supplierOrderId: $supplierOrderId, proof: $proof) {\n      ...SupplierOrderFields\n    }\n  }\n"): typeof import('./graphql').ConfirmDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentSetup {\n    paymentSetup {\n      stripeEnabled\n      publishableKey\n      methods\n    }\n  }\n"): typeof import('./graphql').PaymentSetupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentOptions($orderId: ID!) {\n    paymentOptions(orderId: $orderId) {\n      orderId\n      payable\n      online\n      publishableKey\n      transferPending\n      payOnDelivery\n      bankTransfer {\n        amount\n        reference\n        payeeName\n        bankName\n        accountNo\n      }\n    }\n  }\n"): typeof import('./graphql').PaymentOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayOrder($orderId: ID!, $method: PaymentMethod!) {\n    payOrder(orderId: $orderId, method: $method) {\n      paymentId\n      clientSecret\n      amount\n      method\n      publishableKey\n    }\n  }\n"): typeof import('./graphql').PayOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      id\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').RecordBankTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentsAwaitingConfirmation {\n    paymentsAwaitingConfirmation {\n      id\n      orderId\n      provider\n      method\n      status\n      amount\n      reference\n      paidAt\n      confirmedAt\n      rejectedReason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').PaymentsAwaitingConfirmationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmBankTransfer($paymentId: ID!) {\n    confirmBankTransfer(paymentId: $paymentId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ConfirmBankTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectBankTransfer($paymentId: ID!, $reason: String!) {\n    rejectBankTransfer(paymentId: $paymentId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectBankTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplierName on Supplier {\n    id\n    name\n  }\n"): typeof import('./graphql').SupplierNameFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShippedLot on Lot {\n    id\n    lotNo\n    harvestedOn\n  }\n"): typeof import('./graphql').ShippedLotFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckoutChannels {\n    channels {\n      id\n      kind\n      name\n      online\n      assistanceOnly\n      status\n    }\n  }\n"): typeof import('./graphql').CheckoutChannelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartProduct on Product {\n    id\n    title\n    supplier {\n      id\n      name\n    }\n    certification {\n      status\n    }\n    variants {\n      id\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      stockAvailable\n      active\n    }\n  }\n"): typeof import('./graphql').CartProductFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnomalyFindingFields on AnomalyFinding {\n    id\n    kind\n    severity\n    status\n    subjectType\n    subjectId\n    subjectLabel\n    supplierId\n    regionCode\n    summary\n    detectedVia\n    detectedAt\n    reviewedAt\n    reviewerName\n    reviewReason\n    excludedFromStatistics\n    suspensionProposalId\n    evidence {\n      figures {\n        name\n        value\n        unit\n        text\n      }\n      orderIds\n    }\n  }\n"): typeof import('./graphql').AnomalyFindingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnomalyFindings($filter: AnomalyFindingFilter, $first: Int, $after: String) {\n    anomalyFindings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AnomalyFindingFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AnomalyFindingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnomalyFinding($id: ID!) {\n    anomalyFinding(id: $id) {\n      ...AnomalyFindingFields\n      evidenceOrders {\n        id\n        orderNo\n        status\n        totalAmount\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').AnomalyFindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewAnomalyFinding(\n    $id: ID!\n    $decision: AnomalyReviewDecision!\n    $reason: String!\n    $excludeFromStatistics: Boolean\n    $proposeSuspension: Boolean\n  ) {\n    reviewAnomalyFinding(\n      id: $id\n      decision: $decision\n      reason: $reason\n      excludeFromStatistics: $excludeFromStatistics\n      proposeSuspension: $proposeSuspension\n    ) {\n      ...AnomalyFindingFields\n      evidenceOrders {\n        id\n        orderNo\n        status\n        totalAmount\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewAnomalyFindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplierFields on Supplier {\n    id\n    name\n    kind\n    status\n    creditCode\n    countyCode\n    county {\n      code\n      name\n      path {\n        code\n        name\n      }\n    }\n    linkageMechanism\n    appliedAt\n    linkedHouseholdCount\n    history {\n      fromStatus\n      toStatus\n      reason\n      actorName\n      createdAt\n    }\n  }\n"): typeof import('./graphql').SupplierFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suppliers($filter: SupplierFilter, $first: Int) {\n    suppliers(filter: $filter, first: $first) {\n      ...SupplierFields\n    }\n  }\n"): typeof import('./graphql').SuppliersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyAsSupplier($input: ApplyAsSupplierInput!) {\n    applyAsSupplier(input: $input) {\n      ...SupplierFields\n    }\n  }\n"): typeof import('./graphql').ApplyAsSupplierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecommendSupplier($supplierId: ID!, $comment: String) {\n    recommendSupplier(supplierId: $supplierId, comment: $comment) {\n      ...SupplierFields\n    }\n  }\n"): typeof import('./graphql').RecommendSupplierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSupplier($supplierId: ID!, $reason: String!) {\n    rejectSupplier(supplierId: $supplierId, reason: $reason) {\n      ...SupplierFields\n    }\n  }\n"): typeof import('./graphql').RejectSupplierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OwnProduct on Product {\n    id\n    title\n    status\n    originRegion {\n      code\n      name\n    }\n    certification {\n      id\n      status\n      certificateNo\n      validTo\n    }\n    variants {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n"): typeof import('./graphql').OwnProductFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnProducts($filter: ProductFilter, $first: Int, $after: String) {\n    products(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...OwnProduct\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OwnProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VariantUnits {\n    variantUnits\n  }\n"): typeof import('./graphql').VariantUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...OwnProduct\n    }\n  }\n"): typeof import('./graphql').CreateProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) {\n      ...OwnProduct\n    }\n  }\n"): typeof import('./graphql').PublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) {\n      ...OwnProduct\n    }\n  }\n"): typeof import('./graphql').UnpublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddVariant($productId: ID!, $input: VariantInput!) {\n    addVariant(productId: $productId, input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddVariantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lots($variantId: ID!) {\n    lots(variantId: $variantId) {\n      id\n      lotNo\n      harvestedOn\n      quantity\n      remaining\n      contributions {\n        householdId\n        quantity\n      }\n    }\n  }\n"): typeof import('./graphql').LotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLot($input: CreateLotInput!) {\n    createLot(input: $input) {\n      id\n      lotNo\n      harvestedOn\n      quantity\n      remaining\n      contributions {\n        householdId\n        quantity\n      }\n    }\n  }\n"): typeof import('./graphql').CreateLotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Households($filter: HouseholdFilter, $first: Int) {\n    households(filter: $filter, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          headName\n          size\n          status\n          villageCode\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').HouseholdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificationFields on Certification {\n    id\n    status\n    certificateNo\n    validFrom\n    validTo\n    createdAt\n    updatedAt\n    product {\n      id\n      title\n      supplier {\n        id\n        name\n      }\n      originRegion {\n        code\n        name\n        path {\n          code\n          name\n        }\n      }\n    }\n    history {\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n    documents {\n      id\n      fileName\n      contentType\n      sizeBytes\n      url\n      createdAt\n    }\n  }\n"): typeof import('./graphql').CertificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Certifications($filter: CertificationFilter, $first: Int, $after: String) {\n    certifications(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...CertificationFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CertificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCertification($productId: ID!) {\n    submitCertification(productId: $productId) {\n      ...CertificationFields\n    }\n  }\n"): typeof import('./graphql').SubmitCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyCertification($id: ID!, $comment: String) {\n    verifyCertification(id: $id, comment: $comment) {\n      ...CertificationFields\n    }\n  }\n"): typeof import('./graphql').VerifyCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectCertification($id: ID!, $reason: String!) {\n    rejectCertification(id: $id, reason: $reason) {\n      ...CertificationFields\n    }\n  }\n"): typeof import('./graphql').RejectCertificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int) {\n    notifications(first: $first) {\n      id\n      kind\n      title\n      body\n      createdAt\n      readAt\n      orderId\n      data\n    }\n  }\n"): typeof import('./graphql').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FilingFields on ReservedShareFiling {\n    id\n    orgId\n    year\n    canteenMode\n    canteenBudget\n    ratioBps\n    minimumBps\n    reservedAmount\n    catererName\n    coveredOrgIds\n    deadline\n    late\n    version\n    decreaseReason\n    amendments {\n      version\n      kind\n      reason\n      createdAt\n    }\n  }\n"): typeof import('./graphql').FilingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReservedShare($orgId: ID!, $year: Int!) {\n    reservedShare(orgId: $orgId, year: $year) {\n      orgId\n      year\n      minimumBps\n      reservedAmount\n      countedAmount\n      pendingAmount\n      uncertifiedAmount\n      tradeUnionAmount\n      completionBasisPoints\n      completionPercent\n      monthly {\n        month\n        countedAmount\n      }\n      filing {\n        ...FilingFields\n      }\n    }\n  }\n"): typeof import('./graphql').ReservedShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubordinateCompletion($orgId: ID!, $year: Int!) {\n    subordinateCompletion(orgId: $orgId, year: $year) {\n      rank\n      orgId\n      name\n      canteenMode\n      reservedAmount\n      countedAmount\n      pendingAmount\n      completionBasisPoints\n      completionPercent\n    }\n  }\n"): typeof import('./graphql').SubordinateCompletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileReservedShare($input: FileReservedShareInput!) {\n    fileReservedShare(input: $input) {\n      ...FilingFields\n    }\n  }\n"): typeof import('./graphql').FileReservedShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendReservedShare($input: AmendReservedShareInput!) {\n    amendReservedShare(input: $input) {\n      ...FilingFields\n    }\n  }\n"): typeof import('./graphql').AmendReservedShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestExemption($input: RequestExemptionInput!) {\n    requestExemption(input: $input) {\n      id\n      status\n      ratioBps\n      minimumBps\n    }\n  }\n"): typeof import('./graphql').RequestExemptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Exemptions($filter: ExemptionFilter) {\n    reservedShareExemptions(filter: $filter) {\n      id\n      year\n      ratioBps\n      minimumBps\n      status\n      reason\n      decisionComment\n    }\n  }\n"): typeof import('./graphql').ExemptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewBasket($input: BasketInput!) {\n    previewBasket(input: $input) {\n      totalAmount\n      spendingLimit\n      withinLimit\n      approvalRequired\n    }\n  }\n"): typeof import('./graphql').PreviewBasketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PurchaseRequestFields on PurchaseRequest {\n    id\n    requestNo\n    orgId\n    purchaserUserId\n    purchaserName\n    orderId\n    orderNo\n    orderStatus\n    status\n    terms\n    justification\n    totalAmount\n    spendingLimit\n    autoApproved\n    splitSuspected\n    poNumber\n    poUrl\n    decisionComment\n    createdAt\n    lines {\n      variantId\n      productTitle\n      spec\n      unit\n      unitPrice\n      quantity\n      lineTotal\n    }\n  }\n"): typeof import('./graphql').PurchaseRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseRequests($filter: PurchaseRequestFilter, $first: Int, $after: String) {\n    purchaseRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PurchaseRequestFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PurchaseRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPurchaseRequest($input: SubmitPurchaseRequestInput!) {\n    submitPurchaseRequest(input: $input) {\n      __typename\n      ... on PurchaseRequest {\n        ...PurchaseRequestFields\n      }\n      ...InsufficientStock\n      ...ProductUnavailable\n      ...CertificationInvalid\n      ...InvalidOrderInput\n    }\n  }\n"): typeof import('./graphql').SubmitPurchaseRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovePurchaseRequest($id: ID!, $comment: String) {\n    approvePurchaseRequest(id: $id, comment: $comment) {\n      ...PurchaseRequestFields\n    }\n  }\n"): typeof import('./graphql').ApprovePurchaseRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectPurchaseRequest($id: ID!, $reason: String!) {\n    rejectPurchaseRequest(id: $id, reason: $reason) {\n      ...PurchaseRequestFields\n    }\n  }\n"): typeof import('./graphql').RejectPurchaseRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitMembers($orgId: ID!) {\n    unitMembers(orgId: $orgId) {\n      userId\n      displayName\n      phone\n      roles\n      spendingLimit\n      approvalLimit\n    }\n  }\n"): typeof import('./graphql').UnitMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSpendingLimit($userId: ID!, $amount: Money!, $orgId: ID) {\n    setSpendingLimit(userId: $userId, amount: $amount, orgId: $orgId) {\n      userId\n      kind\n      amount\n    }\n  }\n"): typeof import('./graphql').SetSpendingLimitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetApprovalLimit($userId: ID!, $amount: Money!, $orgId: ID) {\n    setApprovalLimit(userId: $userId, amount: $amount, orgId: $orgId) {\n      userId\n      kind\n      amount\n    }\n  }\n"): typeof import('./graphql').SetApprovalLimitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcurementPolicy($orgId: ID!) {\n    procurementPolicy(orgId: $orgId) {\n      orgId\n      skipApprovalBelowLimit\n      splitWindowMinutes\n    }\n  }\n"): typeof import('./graphql').ProcurementPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProcurementPolicy($orgId: ID!, $input: ProcurementPolicyInput!) {\n    setProcurementPolicy(orgId: $orgId, input: $input) {\n      orgId\n      skipApprovalBelowLimit\n      splitWindowMinutes\n    }\n  }\n"): typeof import('./graphql').SetProcurementPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProducePaymentFields on ProducePayment {\n    id\n    amount\n    status\n    method\n    reference\n    paidOn\n  }\n"): typeof import('./graphql').ProducePaymentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProduceReceiptFields on ProduceReceipt {\n    id\n    commitmentId\n    offerId\n    supplierName\n    lotNo\n    quantity\n    committedQuantity\n    shortfall\n    unitPrice\n    amount\n    householdConfirmedAt\n    receivedAt\n    payment {\n      ...ProducePaymentFields\n    }\n  }\n"): typeof import('./graphql').ProduceReceiptFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProduceCommitmentFields on ProduceCommitment {\n    id\n    offerId\n    supplierId\n    supplierName\n    quantity\n    unitPrice\n    amount\n    belowAskingPrice\n    pickupDate\n    note\n    status\n    declineReason\n    receipt {\n      ...ProduceReceiptFields\n    }\n  }\n"): typeof import('./graphql').ProduceCommitmentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProduceOfferFields on ProduceOffer {\n    id\n    householdId\n    villageCode\n    cropName\n    variety\n    quantity\n    committedQuantity\n    availableQuantity\n    unit\n    availableFrom\n    availableUntil\n    askingPrice\n    note\n    imageUrls\n    status\n    assisted\n    createdAt\n    household {\n      id\n      headName\n      village {\n        name\n      }\n    }\n    commitments {\n      ...ProduceCommitmentFields\n    }\n  }\n"): typeof import('./graphql').ProduceOfferFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProduceOffers {\n    myProduceOffers {\n      ...ProduceOfferFields\n    }\n  }\n"): typeof import('./graphql').MyProduceOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProduceOffers($filter: ProduceOfferFilter, $first: Int, $after: String) {\n    produceOffers(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ProduceOfferFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProduceOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduceOffer($input: CreateProduceOfferInput!) {\n    createProduceOffer(input: $input) {\n      ...ProduceOfferFields\n    }\n  }\n"): typeof import('./graphql').CreateProduceOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawProduceOffer($id: ID!, $reason: String) {\n    withdrawProduceOffer(id: $id, reason: $reason) {\n      ...ProduceOfferFields\n    }\n  }\n"): typeof import('./graphql').WithdrawProduceOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptProduceCommitment($id: ID!) {\n    acceptProduceCommitment(id: $id) {\n      ...ProduceCommitmentFields\n    }\n  }\n"): typeof import('./graphql').AcceptProduceCommitmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineProduceCommitment($id: ID!, $reason: String!) {\n    declineProduceCommitment(id: $id, reason: $reason) {\n      ...ProduceCommitmentFields\n    }\n  }\n"): typeof import('./graphql').DeclineProduceCommitmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmProduceReceipt($receiptId: ID!) {\n    confirmProduceReceipt(receiptId: $receiptId) {\n      ...ProduceReceiptFields\n    }\n  }\n"): typeof import('./graphql').ConfirmProduceReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitToProduceOffer(\n    $offerId: ID!\n    $quantity: Int!\n    $unitPrice: Money!\n    $pickupDate: String!\n    $note: String\n    $supplierId: ID\n  ) {\n    commitToProduceOffer(\n      offerId: $offerId\n      quantity: $quantity\n      unitPrice: $unitPrice\n      pickupDate: $pickupDate\n      note: $note\n      supplierId: $supplierId\n    ) {\n      __typename\n      ... on ProduceCommitment {\n        ...ProduceCommitmentFields\n      }\n      ... on OfferQuantityExceededError {\n        code\n        requested\n        available\n      }\n      ... on OfferNotOpenError {\n        code\n        offerStatus\n      }\n    }\n  }\n"): typeof import('./graphql').CommitToProduceOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProduceCommitments($status: ProduceCommitmentStatus) {\n    produceCommitments(status: $status) {\n      ...ProduceCommitmentFields\n      offer {\n        id\n        cropName\n        unit\n        villageCode\n        assisted\n        household {\n          headName\n          village {\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProduceCommitmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProduceReceipt(\n    $commitmentId: ID!\n    $quantity: Int!\n    $lotId: ID\n    $newLot: NewLotInput\n    $lotQuantity: Int\n    $householdConfirmation: String\n  ) {\n    recordProduceReceipt(\n      commitmentId: $commitmentId\n      quantity: $quantity\n      lotId: $lotId\n      newLot: $newLot\n      lotQuantity: $lotQuantity\n      householdConfirmation: $householdConfirmation\n    ) {\n      __typename\n      ... on ProduceReceipt {\n        ...ProduceReceiptFields\n      }\n      ... on ReceiptExceedsCommitmentError {\n        code\n        committed\n        received\n      }\n    }\n  }\n"): typeof import('./graphql').RecordProduceReceiptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordProducePayment($receiptId: ID!, $method: ProducePaymentMethod!, $reference: String!, $paidOn: String) {\n    recordProducePayment(receiptId: $receiptId, method: $method, reference: $reference, paidOn: $paidOn) {\n      ...ProducePaymentFields\n    }\n  }\n"): typeof import('./graphql').RecordProducePaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncomeStatementFields on IncomeStatement {\n    month\n    status\n    purchasePaidTotal\n    purchasePendingTotal\n    attributedTotal\n    purchases {\n      receiptId\n      supplierName\n      cropName\n      unit\n      quantity\n      committedQuantity\n      unitPrice\n      amount\n      lotNo\n      receivedAt\n      paymentStatus\n      paymentMethod\n      paidOn\n    }\n    attributedIncome {\n      productId\n      productTitle\n      amount\n    }\n    attributedOrders {\n      orderId\n      orderNo\n      productTitle\n      lotNo\n      amount\n    }\n    confirmation {\n      confirmedAt\n    }\n    disputes {\n      id\n      kind\n      note\n      status\n      amount\n      resolution\n    }\n  }\n"): typeof import('./graphql').IncomeStatementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyIncomeStatement($month: String!) {\n    myIncomeStatement(month: $month) {\n      ...IncomeStatementFields\n    }\n  }\n"): typeof import('./graphql').MyIncomeStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmMonthlyIncome($month: String!) {\n    confirmMonthlyIncome(month: $month) {\n      ...IncomeStatementFields\n    }\n  }\n"): typeof import('./graphql').ConfirmMonthlyIncomeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisputeIncomeLine($input: DisputeIncomeLineInput!) {\n    disputeIncomeLine(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').DisputeIncomeLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CountyTransparency($countyCode: String!, $year: Int) {\n    countyTransparency(countyCode: $countyCode, year: $year) {\n      countyCode\n      year\n      purchasePaid\n      purchasePending\n      attributedIncome\n      reachedHouseholds\n      householdsDriven\n      topProducts {\n        productId\n        productTitle\n        householdIncome\n      }\n      topCrops {\n        cropName\n        unit\n        quantity\n        amount\n      }\n    }\n    region(code: $countyCode) {\n      code\n      name\n      path {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').CountyTransparencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyHouseholdVillage {\n    myHousehold {\n      id\n      villageCode\n      village {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MyHouseholdVillageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      accepted\n      message\n    }\n  }\n"): typeof import('./graphql').RegisterCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($identifier: String!) {\n    requestPasswordReset(identifier: $identifier) {\n      accepted\n      message\n    }\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiInfo {\n    apiInfo {\n      demoData\n    }\n  }\n"): typeof import('./graphql').ApiInfoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesFiguresFields on SalesFigures {\n    grossAmount\n    refundAmount\n    netAmount\n    certifiedNetAmount\n    uncertifiedNetAmount\n    orderCount\n    unitCount\n    buyerCount\n    householdsDriven\n  }\n"): typeof import('./graphql').SalesFiguresFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesStats($regionCode: String!, $from: String!, $to: String!, $groupBy: SalesGroupBy!, $side: StatsSide) {\n    salesStats(regionCode: $regionCode, from: $from, to: $to, groupBy: $groupBy, side: $side) {\n      regionCode\n      regionPath\n      fromDay\n      toDay\n      groupBy\n      side\n      total {\n        ...SalesFiguresFields\n      }\n      rows {\n        key\n        label\n        figures {\n          ...SalesFiguresFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SalesStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssistanceIndicators($regionCode: String!, $date: String!) {\n    assistanceIndicators(regionCode: $regionCode, date: $date) {\n      regionCode\n      regionPath\n      date\n      hallCount\n      zoneCount\n      counterCount\n      certifiedSupplierCount\n      certifiedProductCount\n      salesAmountYtd\n      uncertifiedSalesAmountYtd\n      householdsDriven\n      exPovertyHouseholdsDriven\n      monitoredHouseholdsDriven\n      villageCollectiveIncome\n      summary\n    }\n  }\n"): typeof import('./graphql').AssistanceIndicatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelCertifiedShare($regionCode: String!, $from: String!, $to: String!, $side: StatsSide) {\n    channelCertifiedShare(regionCode: $regionCode, from: $from, to: $to, side: $side) {\n      regionCode\n      fromDay\n      toDay\n      side\n      thresholdBps\n      channels {\n        channelId\n        name\n        kind\n        netAmount\n        certifiedNetAmount\n        uncertifiedNetAmount\n        certifiedShareBps\n        warning\n      }\n    }\n  }\n"): typeof import('./graphql').ChannelCertifiedShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionCompletion($regionCode: String!, $year: Int!) {\n    regionCompletion(regionCode: $regionCode, year: $year) {\n      rank\n      orgId\n      name\n      regionCode\n      reservedAmount\n      countedAmount\n      pendingAmount\n      completionBasisPoints\n      completionPercent\n    }\n  }\n"): typeof import('./graphql').RegionCompletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupervisionFiguresFields on SupervisionFigures {\n    unitsRegistered\n    unitsFiled\n    unitsActivated\n    reservedAmount\n    countedAmount\n    pendingAmount\n    completionBasisPoints\n    previousReservedAmount\n    reservedChangeAmount\n    reservedChangeBasisPoints\n  }\n"): typeof import('./graphql').SupervisionFiguresFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompletionRanking($regionCode: String!, $year: Int!, $groupBy: SupervisionGroupBy!, $month: Int) {\n    completionRanking(regionCode: $regionCode, year: $year, groupBy: $groupBy, month: $month) {\n      regionCode\n      regionPath\n      year\n      month\n      groupBy\n      snapshot {\n        year\n        month\n        source\n        publishedAt\n      }\n      rows {\n        rank\n        key\n        label\n        decreaseReason\n        countedDifference\n        completionDifferenceBasisPoints\n        figures {\n          ...SupervisionFiguresFields\n        }\n        live {\n          countedAmount\n          completionBasisPoints\n        }\n      }\n      total {\n        rank\n        key\n        label\n        decreaseReason\n        countedDifference\n        completionDifferenceBasisPoints\n        figures {\n          ...SupervisionFiguresFields\n        }\n        live {\n          countedAmount\n          completionBasisPoints\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CompletionRankingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentClock($filter: PaymentClockFilter, $asOf: String) {\n    paymentClock(filter: $filter, asOf: $asOf) {\n      asOf\n      outstandingAmount\n      overdueAmount\n      interestAmount\n      overdueCount\n      entries {\n        orderId\n        orderNo\n        orgId\n        unitName\n        supplierId\n        supplierName\n        amount\n        acceptedOn\n        termDays\n        dailyRatePpm\n        dueOn\n        paidOn\n        status\n        daysOverdue\n        interestAmount\n        outstandingAmount\n      }\n      overdueUnits {\n        orgId\n        name\n        overdueCount\n        overdueAmount\n        interestAmount\n        maxDaysOverdue\n      }\n    }\n  }\n"): typeof import('./graphql').PaymentClockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitFilings($orgId: ID!) {\n    reservedShareFilings(orgId: $orgId) {\n      id\n      year\n      canteenMode\n      ratioBps\n      reservedAmount\n      late\n      version\n      decreaseReason\n    }\n  }\n"): typeof import('./graphql').UnitFilingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierOrderCounts($supplierId: ID!) {\n    supplierOrderCounts(supplierId: $supplierId) {\n      toShip\n      shipped\n      delivered\n      all\n    }\n  }\n"): typeof import('./graphql').SupplierOrderCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditableProduct on Product {\n    id\n    title\n    description\n    status\n    images {\n      id\n      url\n      thumbnailUrl\n      sort\n      width\n      height\n    }\n    variants {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n"): typeof import('./graphql').EditableProductFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditableProduct($id: ID!) {\n    product(id: $id) {\n      ...EditableProduct\n    }\n  }\n"): typeof import('./graphql').EditableProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) {\n      ...EditableProduct\n    }\n  }\n"): typeof import('./graphql').UpdateProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateVariant($input: UpdateVariantInput!) {\n    updateVariant(input: $input) {\n      id\n      sku\n      spec\n      unit\n      retailPrice\n      agencyPrice\n      marketReferencePrice\n      stockOnHand\n      stockAvailable\n      active\n    }\n  }\n"): typeof import('./graphql').UpdateVariantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderProductImages($productId: ID!, $imageIds: [ID!]!) {\n    reorderProductImages(productId: $productId, imageIds: $imageIds) {\n      id\n      url\n      thumbnailUrl\n      sort\n      width\n      height\n    }\n  }\n"): typeof import('./graphql').ReorderProductImagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProductImage($imageId: ID!) {\n    removeProductImage(imageId: $imageId)\n  }\n"): typeof import('./graphql').RemoveProductImageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificationDocuments($id: ID!) {\n    certification(id: $id) {\n      id\n      status\n      documents {\n        id\n        fileName\n        contentType\n        sizeBytes\n        url\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').CertificationDocumentsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
