import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: '统计用区划 — a statistical division (province … village), 12-digit code' })
@Entity('region')
export class Region {
  @Field() @PrimaryColumn({ type: 'text' }) code: string;
  @Field() @Column('text') name: string;
  @Field(() => Int, { description: '1 province, 2 city, 3 county, 4 town, 5 village' })
  @Column('smallint')
  level: number;
  @Field(() => String, { nullable: true }) @Column({ name: 'parent_code', type: 'text', nullable: true }) parentCode:
    string | null;
  @Field({ description: '脱贫县' }) @Column({ name: 'ex_poverty_county', default: false }) exPovertyCounty: boolean;
  @Field({ description: '乡村振兴重点帮扶县' })
  @Column({ name: 'key_assistance_county', default: false })
  keyAssistanceCounty: boolean;
  @Column({ name: 'flags_updated_at', type: 'timestamptz', nullable: true }) flagsUpdatedAt: Date | null;
  @Column({ name: 'flags_updated_by', type: 'uuid', nullable: true }) flagsUpdatedBy: string | null;
}
