import { Global, Module } from '@nestjs/common';
import { EventsModule, ORDER_FACTS_READER, OutboxEvent } from '@bangfu/events';
import { CatalogModule } from '@bangfu/catalog';
import { StorageModule } from '@bangfu/storage';
import { IdentityModule } from '@bangfu/identity';
import { SupplierModule } from '@bangfu/supplier';
import { AgencyCheckoutGate } from './agency-checkout';
import { CheckoutService } from './checkout.service';
import { CountingFactsService } from './counting-facts.service';
import { FulfilmentService } from './fulfilment.service';
import { OrderAccessService } from './order-access.service';
import { OrderDocumentsController, OrderDocumentService } from './order-documents';
import { OrderNotificationConsumer } from './order-notifications.consumer';
import { OrderQueryService } from './order-query.service';
import { OrderSignalsService } from './order-signals.service';
import { OrderStateMachine } from './order-state.service';
import { OrderService } from './order.service';
import { loadOrderingConfig, ORDERING_CONFIG } from './ordering.config';
import {
  Order,
  OrderDocument,
  OrderHistory,
  OrderLine,
  OrderRefund,
  ShipmentAllocation,
  SupplierOrder,
  SupplierOrderHistory,
} from './ordering.entities';
import { OrderExpiryJob, OrderingSchedulers } from './ordering.jobs';
import { OrderDocumentResolver, OrderLineResolver, OrderResolver, SupplierOrderResolver } from './ordering.resolver';
import { OrderDeliveryAddressResolver, SupplierOrderShipToResolver } from './delivery-address.resolver';
import { SupplierPerformanceService } from './supplier-performance.service';

export const ORDERING_ENTITIES = [
  Order,
  SupplierOrder,
  OrderLine,
  OrderHistory,
  SupplierOrderHistory,
  ShipmentAllocation,
  OrderRefund,
  OrderDocument,
  // The outbox table ordering publishes to (libs/shared/events), so every server with ordering has it.
  OutboxEvent,
];

/**
 * Ordering's counting facts for every module of the app, also as `ORDER_FACTS_READER` (@bangfu/events)
 * for the libs that cannot import ordering (attribution's repairs and reconciliation).
 */
@Global()
@Module({
  providers: [CountingFactsService, { provide: ORDER_FACTS_READER, useExisting: CountingFactsService }],
  exports: [CountingFactsService, ORDER_FACTS_READER],
})
export class OrderFactsModule {}

@Module({
  imports: [EventsModule, OrderFactsModule, IdentityModule, SupplierModule, CatalogModule, StorageModule],
  controllers: [OrderDocumentsController],
  providers: [
    // Core config cannot be extended from a domain lib: ordering reads its own ORDER_* variables.
    { provide: ORDERING_CONFIG, useFactory: () => loadOrderingConfig(process.env) },
    OrderAccessService,
    OrderStateMachine,
    OrderService,
    AgencyCheckoutGate,
    CheckoutService,
    FulfilmentService,
    OrderQueryService,
    OrderSignalsService,
    SupplierPerformanceService,
    OrderDocumentService,
    OrderExpiryJob,
    OrderingSchedulers,
    OrderNotificationConsumer,
    OrderResolver,
    SupplierOrderResolver,
    OrderLineResolver,
    OrderDocumentResolver,
    OrderDeliveryAddressResolver,
    SupplierOrderShipToResolver,
  ],
  exports: [
    OrderService,
    AgencyCheckoutGate,
    CheckoutService,
    FulfilmentService,
    OrderQueryService,
    OrderFactsModule,
    EventsModule,
    SupplierPerformanceService,
    OrderSignalsService,
    ORDERING_CONFIG,
  ],
})
export class OrderingModule {}
