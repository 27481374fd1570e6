import { Injectable } from '@nestjs/common';
import { type RequestContext, Role } from '@bangfu/core';
import { UserService } from '@bangfu/identity';
import { type NotificationInput, NotificationService } from '@bangfu/supplier';
import type { Complaint } from './aftersales.entities';

/**
 * Each complaint step tells the people concerned, in the step's transaction, through the supplier
 * lib's in-app notification list (zh-CN titles; the storefront localises by kind).
 */
@Injectable()
export class AftersalesNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly users: UserService,
  ) {}

  async buyer(tx: RequestContext, c: Complaint, input: NotificationInput): Promise<void> {
    if (c.buyerOrgId) await this.notifications.notifyOrganization(tx, c.buyerOrgId, input);
    else await this.notifications.notifyUser(tx, c.buyerUserId, input);
  }

  async supplier(tx: RequestContext, supplierId: string, input: NotificationInput): Promise<void> {
    await this.notifications.notifyOrganization(tx, supplierId, input);
  }

  /** The coordination offices with a coordinator whose prefix covers the region: they decide. */
  async coordinators(tx: RequestContext, regionCode: string, input: NotificationInput): Promise<void> {
    const offices = await this.users.organizationsWithRoleCovering(tx, Role.COORDINATOR, regionCode);
    await this.notifications.notifyAll(
      tx,
      offices.map((orgId) => ({ orgId })),
      input,
    );
  }

  static complaintInput(kind: string, title: string, c: Complaint): NotificationInput {
    return {
      kind,
      title,
      data: { complaintId: c.id, orderId: c.orderId, supplierOrderId: c.supplierOrderId, status: c.status },
    };
  }
}
