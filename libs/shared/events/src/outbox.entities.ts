import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One published event (the transactional outbox). `outbox_consumption` (event_id, consumer) records
 * which consumer has handled which event; it is only written with SQL by the dispatcher.
 */
@Entity('outbox_event')
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') type: string;
  @Column('integer') version: number;
  @Column({ name: 'aggregate_id', type: 'uuid' }) aggregateId: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}

export const EVENTS_ENTITIES = [OutboxEvent];
