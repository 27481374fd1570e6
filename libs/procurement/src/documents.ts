import { formatShanghaiTime } from '@bangfu/locale';
import { formatYuan } from '@bangfu/money';
import { rmbUppercase } from './rmb';

/** Amounts in the documents' number cells; the ¥ is written where the layout wants it. */
const yuan = (fen: number) => formatYuan(fen, { symbol: false });

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai (fixed +08:00, no daylight saving). */
export function shanghaiTime(at: Date | null | undefined): string {
  if (!at) return '—';
  return formatShanghaiTime(at);
}

export interface DocLine {
  productTitle: string;
  spec: string;
  unit: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  refundedAmount?: number;
  supplierName: string;
  certificateNo: string | null;
  certified: boolean;
}

export interface PurchaseOrderDoc {
  poNumber: string;
  requestNo: string;
  orderNo: string;
  unitName: string;
  unitCreditCode: string | null;
  purchaserName: string;
  approverName: string;
  approvedAt: Date | null;
  submittedAt: Date;
  terms: string;
  channelName: string;
  justification: string;
  decisionComment: string | null;
  tradeUnion: boolean;
  lines: DocLine[];
  totalAmount: number;
}

export interface AcceptanceDoc {
  orderNo: string;
  poNumber: string | null;
  unitName: string;
  unitCreditCode: string | null;
  paymentMode: string;
  invoiceNo: string | null;
  placedAt: Date;
  deliveredAt: Date | null;
  acceptedAt: Date;
  acceptedByName: string;
  countedYear: number;
  tradeUnion: boolean;
  shipments: Array<{
    supplierName: string;
    carrier: string | null;
    trackingNo: string | null;
    shippedAt: Date | null;
    deliveredAt: Date | null;
    status: string;
  }>;
  lines: DocLine[];
  documents: Array<{ fileName: string | null; contentType: string; sizeBytes: number; uploadedAt: Date }>;
  totalAmount: number;
  refundedAmount: number;
}

const TERMS_TEXT: Record<string, string> = { PREPAY: '预付款', ON_DELIVERY: '货到付款', PAY_ON_DELIVERY: '货到付款' };
const SHIPMENT_TEXT: Record<string, string> = {
  AWAITING_SHIPMENT: '待发货',
  SHIPPED: '已发货',
  DELIVERED: '已签收',
  CANCELLED: '已取消',
};

const STYLE = `
  @page { size: A4; margin: 15mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; color: #111; margin: 24px auto; max-width: 190mm; font-size: 12pt; line-height: 1.5; }
  h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; margin: 0 0 4px; }
  .sub { text-align: center; color: #444; margin-bottom: 16px; }
  table { width: 100%; border-collapse: collapse; margin: 8px 0 14px; }
  th, td { border: 1px solid #333; padding: 4px 6px; vertical-align: top; }
  th { background: #f2f2f2; font-weight: bold; white-space: nowrap; }
  h2 { font-size: 13pt; margin: 14px 0 4px; }
  table.meta th { width: 16%; text-align: left; }
  td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tfoot td { font-weight: bold; }
  .signatures { display: flex; justify-content: space-between; margin-top: 36px; gap: 16px; }
  .signatures div { flex: 1; border-top: 1px solid #333; padding-top: 4px; text-align: center; }
  .hint { color: #666; font-size: 10pt; text-align: right; }
  @media print {
    body { margin: 0; max-width: none; }
    .hint { display: none; }
    thead { display: table-header-group; }
    tr, .signatures { page-break-inside: avoid; }
    th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="hint">请使用浏览器“打印”（Ctrl+P）打印或另存为 PDF</p>
${body}
</body>
</html>`;
}

function linesTable(lines: DocLine[], withRefunds: boolean): string {
  const rows = lines
    .map(
      (l, i) => `<tr>
  <td class="num">${i + 1}</td><td>${esc(l.productTitle)}</td><td>${esc(l.spec)}</td><td>${esc(l.unit)}</td>
  <td class="num">${yuan(l.unitPrice)}</td><td class="num">${l.quantity}</td><td class="num">${yuan(l.lineTotal)}</td>
  ${withRefunds ? `<td class="num">${yuan(l.refundedAmount ?? 0)}</td>` : ''}
  <td>${esc(l.supplierName)}</td><td>${l.certified ? esc(l.certificateNo ?? '已认定') : '未认定'}</td>
</tr>`,
    )
    .join('\n');
  return `<table>
<thead><tr><th class="num">序号</th><th>商品名称</th><th>规格</th><th>单位</th><th class="num">单价（元）</th><th class="num">数量</th><th class="num">金额（元）</th>${
    withRefunds ? '<th class="num">已退款（元）</th>' : ''
  }<th>供应商</th><th>帮扶产品认定</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/** 采购订单: the approved purchase request as a printable purchase order. */
export function renderPurchaseOrder(d: PurchaseOrderDoc): string {
  const body = `<h1>采购订单</h1>
<p class="sub">${esc(d.poNumber)}</p>
<table class="meta">
<tr><th>采购单号</th><td>${esc(d.poNumber)}</td><th>申请单号</th><td>${esc(d.requestNo)}</td></tr>
<tr><th>采购单位</th><td>${esc(d.unitName)}</td><th>统一社会信用代码</th><td>${esc(d.unitCreditCode ?? '—')}</td></tr>
<tr><th>订单号</th><td>${esc(d.orderNo)}</td><th>销售渠道</th><td>${esc(d.channelName)}</td></tr>
<tr><th>付款方式</th><td>${esc(TERMS_TEXT[d.terms] ?? d.terms)}</td><th>工会采购</th><td>${d.tradeUnion ? '是' : '否'}</td></tr>
<tr><th>申请人</th><td>${esc(d.purchaserName)}</td><th>申请时间</th><td>${esc(shanghaiTime(d.submittedAt))}</td></tr>
<tr><th>审批人</th><td>${esc(d.approverName)}</td><th>审批时间</th><td>${esc(shanghaiTime(d.approvedAt))}</td></tr>
<tr><th>采购理由</th><td colspan="3">${esc(d.justification)}</td></tr>
<tr><th>审批意见</th><td colspan="3">${esc(d.decisionComment ?? '—')}</td></tr>
</table>
${linesTable(d.lines, false)}
<table class="meta">
<tr><th>合计（小写）</th><td class="num">¥${yuan(d.totalAmount)}</td><th>合计（大写）</th><td>人民币${esc(rmbUppercase(d.totalAmount))}</td></tr>
</table>
<div class="signatures"><div>采购人签字</div><div>审批人签字</div><div>单位（盖章）</div><div>日期</div></div>`;
  return page(`采购订单 ${d.poNumber}`, body);
}

/** 验收单: the acceptance record of a delivered agency order. */
export function renderAcceptanceRecord(d: AcceptanceDoc): string {
  const shipments = d.shipments
    .map(
      (s) =>
        `<tr><td>${esc(s.supplierName)}</td><td>${esc(s.carrier ?? '—')}</td><td>${esc(s.trackingNo ?? '—')}</td><td>${esc(shanghaiTime(s.shippedAt))}</td><td>${esc(shanghaiTime(s.deliveredAt))}</td><td>${esc(SHIPMENT_TEXT[s.status] ?? s.status)}</td></tr>`,
    )
    .join('\n');
  const docs = d.documents.length
    ? d.documents
        .map(
          (doc, i) =>
            `<tr><td class="num">${i + 1}</td><td>${esc(doc.fileName ?? '（未命名）')}</td><td>${esc(doc.contentType)}</td><td class="num">${Math.ceil(doc.sizeBytes / 1024)} KB</td><td>${esc(shanghaiTime(doc.uploadedAt))}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="5">—</td></tr>';
  const body = `<h1>验收单</h1>
<p class="sub">订单号 ${esc(d.orderNo)}</p>
<table class="meta">
<tr><th>采购单位</th><td>${esc(d.unitName)}</td><th>统一社会信用代码</th><td>${esc(d.unitCreditCode ?? '—')}</td></tr>
<tr><th>采购单号</th><td>${esc(d.poNumber ?? '—')}</td><th>付款方式</th><td>${esc(TERMS_TEXT[d.paymentMode] ?? '预付款')}</td></tr>
<tr><th>下单时间</th><td>${esc(shanghaiTime(d.placedAt))}</td><th>送达时间</th><td>${esc(shanghaiTime(d.deliveredAt))}</td></tr>
<tr><th>验收时间</th><td>${esc(shanghaiTime(d.acceptedAt))}</td><th>验收人</th><td>${esc(d.acceptedByName)}</td></tr>
<tr><th>发票号码</th><td>${esc(d.invoiceNo ?? '—')}</td><th>计入预留份额年度</th><td>${d.countedYear}${d.tradeUnion ? '（工会采购）' : ''}</td></tr>
</table>
<h2>发货与签收</h2>
<table><thead><tr><th>供应商</th><th>承运商</th><th>运单号</th><th>发货时间</th><th>送达时间</th><th>状态</th></tr></thead><tbody>
${shipments}
</tbody></table>
<h2>验收明细</h2>
${linesTable(d.lines, true)}
<table class="meta">
<tr><th>订单金额</th><td class="num">¥${yuan(d.totalAmount)}</td><th>已退款</th><td class="num">¥${yuan(d.refundedAmount)}</td></tr>
<tr><th>验收净额（大写）</th><td colspan="3">人民币${esc(rmbUppercase(d.totalAmount - d.refundedAmount))}（¥${yuan(d.totalAmount - d.refundedAmount)}）</td></tr>
</table>
<h2>验收附件（发票、检验报告）</h2>
<table><thead><tr><th class="num">序号</th><th>文件名</th><th>类型</th><th class="num">大小</th><th>上传时间</th></tr></thead><tbody>
${docs}
</tbody></table>
<p>经验收，上述货物数量、规格、质量符合采购要求，同意验收。</p>
<div class="signatures"><div>验收人签字</div><div>复核人签字</div><div>单位（盖章）</div><div>日期</div></div>`;
  return page(`验收单 ${d.orderNo}`, body);
}
