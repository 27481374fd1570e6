import { useState } from 'react';
import {
  ADMIN_CHANNELS,
  type AdminChannel,
  type ChannelPayload,
  CREATE_CHANNEL,
  PLACE_PRODUCT_IN_CHANNEL,
  PRODUCT_PICK,
  ROTATE_COUNTER_SECRET,
  SET_CHANNEL_ENABLED,
} from '../../api/admin';
import { api } from '../../api/client';
import type { ChannelKind } from '../../api/generated/graphql';
import { ErrorNotice } from '../../components/Feedback';
import { SelectField } from '../../components/SelectField';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { useQuery } from '../../lib/use-query';
import { ConfirmAction } from './ConfirmAction';
import { QueryRowList } from '../../components/ListStatus';
import { ActionButton } from '../../components/ActionButton';
import { Checkbox } from '../../components/Checkbox';
import { Form } from '../../components/Form';
import { SearchField, TextField } from '../../components/FormField';
import { SubmitAction } from '../../components/FormActions';

const KINDS = ['HALL', 'ZONE', 'COUNTER'] as const;

/** A counter's device secret, shown once: it cannot be read again, only rotated. */
function SecretOnce({
  deviceId,
  secret,
  onDismiss,
}: {
  deviceId: string | null;
  secret: string;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="notice" role="status" data-testid="device-secret">
      <p>
        <strong>{t('admin.channels.secretOnce')}</strong>
      </p>
      <p className="small">
        {t('admin.channels.deviceId')} <span className="mono">{deviceId}</span>
      </p>
      <p className="admin-secret">{secret}</p>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t('admin.channels.secretStored')}
      </button>
    </div>
  );
}

function PlaceProduct({ channel, onDone }: { channel: AdminChannel; onDone: () => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useQuery(PRODUCT_PICK, { search: query }, { skip: query === null });
  const place = useAction(async (productId: string) => {
    await api.request(PLACE_PRODUCT_IN_CHANNEL, { channelId: channel.id, productId });
    onDone();
  });
  return (
    <div className="admin-form">
      <Form className="inline-form" role="search" onSubmit={() => setQuery(search.trim())}>
        <SearchField label={t('admin.channels.findProduct')} value={search} onChange={setSearch} />
        <button type="submit" className="button button-quiet">
          {t('admin.search')}
        </button>
      </Form>
      <ErrorNotice error={found.error ?? place.error} />
      <ul className="row-list">
        {(found.data?.products.edges ?? []).map(({ node }) => (
          <li key={node.id} className="row small">
            <span>
              {node.title} · <span className="muted">{node.supplier?.name}</span>
            </span>
            <ActionButton action={place} args={[node.id]}>
              {t('admin.channels.place')}
            </ActionButton>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ChannelRow({ channel, onChanged }: { channel: AdminChannel; onChanged: () => void }) {
  const { t } = useI18n();
  const [secret, setSecret] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const enable = useAction(async () => {
    await api.request(SET_CHANNEL_ENABLED.enable, { channelId: channel.id });
    onChanged();
  });
  return (
    <li className="row" data-testid="admin-channel" data-kind={channel.kind}>
      <div className="row-main">
        <div className="row-title">
          <span>{channel.name}</span>
          <span className="chip">{t(`checkout.channelKind.${channel.kind as (typeof KINDS)[number]}`)}</span>
          {channel.online && <span className="chip chip-quiet">{t('checkout.channelKind.ONLINE')}</span>}
          {channel.status !== 'ACTIVE' && <span className="chip chip-warning">{t('admin.channels.disabled')}</span>}
        </div>
        <p className="muted small">
          {[
            channel.region?.name,
            channel.address,
            channel.deviceId && `${t('admin.channels.deviceId')} ${channel.deviceId}`,
            t('admin.channels.products', { count: channel.productCount }),
            channel.assistanceOnly && t('admin.channels.assistanceOnly'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {secret && <SecretOnce deviceId={channel.deviceId} secret={secret} onDismiss={() => setSecret(null)} />}
        {placing && <PlaceProduct channel={channel} onDone={onChanged} />}
        <ErrorNotice error={enable.error} />
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setPlacing(!placing)}
          aria-expanded={placing}
        >
          {t('admin.channels.placeProducts')}
        </button>
        {channel.kind === 'COUNTER' && (
          <ConfirmAction
            label={t('admin.channels.rotate')}
            title={t('admin.channels.rotateTitle', { name: channel.name })}
            body={t('admin.channels.rotateBody')}
            onConfirm={async () => {
              const data = await api.request(ROTATE_COUNTER_SECRET, {
                channelId: channel.id,
              });
              setSecret(data.rotateCounterSecret.deviceSecret);
            }}
          />
        )}
        {channel.status === 'ACTIVE' ? (
          <ConfirmAction
            label={t('admin.channels.disable')}
            title={t('admin.channels.disableTitle', { name: channel.name })}
            onConfirm={async () => {
              await api.request(SET_CHANNEL_ENABLED.disable, { channelId: channel.id });
              onChanged();
            }}
          />
        ) : (
          <ActionButton action={enable}>{t('admin.channels.enable')}</ActionButton>
        )}
      </div>
    </li>
  );
}

function CreateChannel({ onCreated }: { onCreated: (p: ChannelPayload) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    name: '',
    kind: 'HALL',
    regionCode: '',
    address: '',
    online: false,
    assistanceOnly: true,
  });
  const create = useAction(async () => {
    const input = {
      ...form,
      kind: form.kind as ChannelKind,
      regionCode: form.regionCode || null,
      address: form.address || null,
      online: form.kind === 'HALL' ? form.online : false,
    };
    const data = await api.request(CREATE_CHANNEL, { input });
    setForm({ ...form, name: '', address: '' });
    onCreated(data.createChannel);
  });
  const submit = () => create.run();
  // Only the online hall has no place; physical halls, zones and counters need a region and an address.
  const placed = !(form.kind === 'HALL' && form.online);
  return (
    <Form onSubmit={submit}>
      <div className="form-grid">
        <TextField
          compact
          label={t('admin.channels.name')}
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <SelectField
          compact
          label={t('admin.channels.kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
          options={KINDS.map((k) => [k, t(`checkout.channelKind.${k}`)])}
        />
        <TextField
          compact
          label={t('admin.orgs.regionCode')}
          required={placed}
          inputMode="numeric"
          pattern="[0-9]{12}"
          value={form.regionCode}
          onChange={(e) => setForm({ ...form, regionCode: e.target.value })}
        />
        <TextField
          compact
          label={t('admin.channels.address')}
          required={placed}
          value={form.address}
          onChange={(e) => setForm({ ...form, address: e.target.value })}
        />
      </div>
      <div className="chip-row">
        {form.kind === 'HALL' && (
          <Checkbox
            label={t('checkout.channelKind.ONLINE')}
            checked={form.online}
            onChange={(online) => setForm({ ...form, online })}
          />
        )}
        <Checkbox
          label={t('admin.channels.assistanceOnly')}
          checked={form.assistanceOnly}
          onChange={(assistanceOnly) => setForm({ ...form, assistanceOnly })}
        />
      </div>
      <SubmitAction action={create} label={t('admin.channels.create')} />
    </Form>
  );
}

/** 三专: halls, zones and counters; products placed in them; a counter's device secret rotated (shown once). */
export function ChannelsSection() {
  const { t } = useI18n();
  const channels = useQuery(ADMIN_CHANNELS);
  const [created, setCreated] = useState<ChannelPayload | null>(null);
  const rows = channels.data?.channels ?? [];
  return (
    <>
      <section className="card">
        <QueryRowList
          query={channels}
          rows={rows}
          row={(c) => <ChannelRow key={c.id} channel={c} onChanged={channels.reload} />}
        />
      </section>
      <details className="card">
        <summary>{t('admin.channels.create')}</summary>
        {created?.deviceSecret && (
          <SecretOnce
            deviceId={created.channel.deviceId}
            secret={created.deviceSecret}
            onDismiss={() => setCreated(null)}
          />
        )}
        <CreateChannel
          onCreated={(p) => {
            setCreated(p);
            channels.reload();
          }}
        />
      </details>
    </>
  );
}
