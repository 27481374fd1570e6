import { Link } from '../lib/router';

/** Section tabs that are plain links, so each section has its own URL. */
export function Tabs({
  label,
  items,
  current,
}: {
  label: string;
  items: Array<{ to: string; label: string }>;
  current: string;
}) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={item.to === current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
