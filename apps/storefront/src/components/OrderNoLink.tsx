import { Link } from '../lib/router';

/** An order's number, in the monospaced type order numbers are set in, linking to the order's page. */
export function OrderNoLink({ order }: { order: { id: string; orderNo: string } }) {
  return (
    <Link to={`/orders/${order.id}`} className="mono">
      {order.orderNo}
    </Link>
  );
}
