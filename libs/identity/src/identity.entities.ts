import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationKind, Role } from '@bangfu/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { CustomerAddress } from './address.entity';

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@ObjectType({ description: 'An agency (budget unit), supplier, coordination office or the platform' })
@Entity('organization')
export class Organization {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => OrganizationKind) @Column('text') kind: OrganizationKind;
  @Field() @Column('text') name: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码' })
  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true })
  creditCode: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'region_code', type: 'text', nullable: true }) regionCode:
    string | null;
  @Field() @Column({ type: 'text', default: 'ACTIVE' }) status: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType('User')
@Entity('app_user')
export class AppUser {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'citext', nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) phone: string | null;
  @Field() @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Field() @Column({ type: 'text', default: 'ACTIVE' }) status: string;
  @Field() @Column({ type: 'text', default: 'zh-CN' }) locale: string;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;
  /** Copied into each sign-in token; raising it ends every session issued before (see auth.service). */
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number;
}

@ObjectType({
  description: "An entry in a user's own security log (registration attempts, password changes, disabling)",
})
@Entity('account_event')
export class AccountEvent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Field({
    description:
      'REGISTRATION_ATTEMPT | PASSWORD_CHANGED | SIGNED_OUT_EVERYWHERE | DISABLED | ENABLED | PASSWORD_RESET_REQUESTED | PASSWORD_RESET',
  })
  @Column('text')
  kind: string;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Field(() => String, { nullable: true, description: 'Client address the event came from' })
  @Column({ type: 'text', nullable: true })
  ip: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType()
@Entity('membership')
export class Membership {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Field(() => String, { nullable: true })
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;
  @Field(() => Organization, { nullable: true })
  @ManyToOne(() => Organization, { nullable: true })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<Organization> | null;
  @Field(() => Role) @Column('text') role: Role;
  @Field(() => String, { nullable: true, description: 'Region code prefix a coordinator or auditor is scoped to' })
  @Column({ name: 'region_prefix', type: 'text', nullable: true })
  regionPrefix: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const IDENTITY_ENTITIES = [Organization, AppUser, Membership, AccountEvent, CustomerAddress];
