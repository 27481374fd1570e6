import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
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
import { OrderNotificationConsumer } from './order-notifications';
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
  OutboxEvent,
  ShipmentAllocation,
  SupplierOrder,
  SupplierOrderHistory,
} from './ordering.entities';
import { DomainEventDispatcher, OrderExpiryJob, OrderingSchedulers, OutboxRelayJob } from './ordering.jobs';
import { OrderDocumentResolver, OrderLineResolver, OrderResolver, SupplierOrderResolver } from './ordering.resolver';
import { OrderDeliveryAddressResolver, SupplierOrderShipToResolver } from './delivery-address.resolver';
import { OutboxService } from './outbox.service';
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
  OutboxEvent,
];

@Module({
  imports: [DiscoveryModule, IdentityModule, SupplierModule, CatalogModule, StorageModule],
  controllers: [OrderDocumentsController],
  providers: [
    // Core config cannot be extended from a domain lib: ordering reads its own ORDER_* variables.
    { provide: ORDERING_CONFIG, useFactory: () => loadOrderingConfig(process.env) },
    OutboxService,
    OrderAccessService,
    OrderStateMachine,
    OrderService,
    AgencyCheckoutGate,
    CheckoutService,
    FulfilmentService,
    OrderQueryService,
    CountingFactsService,
    OrderSignalsService,
    SupplierPerformanceService,
    OrderDocumentService,
    OutboxRelayJob,
    OrderExpiryJob,
    OrderingSchedulers,
    DomainEventDispatcher,
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
    CountingFactsService,
    OutboxService,
    SupplierPerformanceService,
    OrderSignalsService,
    ORDERING_CONFIG,
  ],
})
export class OrderingModule {}
