import { useState } from 'react';
import { useI18n } from '../i18n';
import { ProductThumb } from './ProductCard';
import './buyers.css';

/** The product's photos: a large one and a row of thumbnails to switch; the lettered tile only when there is none. */
export function ProductGallery({ title, images }: { title: string; images: Array<{ id: string; url: string }> }) {
  const { t } = useI18n();
  const [selected, setSelected] = useState(0);
  if (images.length === 0) return <ProductThumb title={title} large />;
  const current = images[Math.min(selected, images.length - 1)];
  return (
    <div className="gallery" data-testid="product-gallery">
      <img className="gallery-main" src={current.url} alt={title} data-testid="gallery-main" />
      {images.length > 1 && (
        <ul className="gallery-thumbs" aria-label={t('gallery.thumbnails')}>
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                aria-pressed={i === selected}
                aria-label={t('gallery.show', { n: i + 1, count: images.length })}
                onClick={() => setSelected(i)}
              >
                <img src={image.url} alt="" loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
