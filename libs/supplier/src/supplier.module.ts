import { Module } from '@nestjs/common';
import { IdentityModule } from '@bangfu/identity';
import { RegionModule } from '@bangfu/region';
import { HouseholdResolver } from './household.resolver';
import { HouseholdService } from './household.service';
import { LinkageResolver } from './linkage.resolver';
import { LinkageService } from './linkage.service';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';
import { Household, Linkage, Notification, SupplierAdmissionEvent, SupplierProfile } from './supplier.entities';
import { SupplierResolver } from './supplier.resolver';
import { SupplierService } from './supplier.service';

export const SUPPLIER_ENTITIES = [SupplierProfile, SupplierAdmissionEvent, Notification, Household, Linkage];

@Module({
  imports: [RegionModule, IdentityModule],
  providers: [
    NotificationService,
    SupplierService,
    HouseholdService,
    LinkageService,
    NotificationResolver,
    SupplierResolver,
    HouseholdResolver,
    LinkageResolver,
  ],
  exports: [NotificationService, SupplierService, HouseholdService, LinkageService],
})
export class SupplierModule {}
