import { type ChangeEvent, useRef, useState } from 'react';
import { api } from '../../api/client';
import { type EditableImage, REMOVE_IMAGE, REORDER_IMAGES, uploadProductImage } from '../../api/supplier-tools';
import { ErrorNotice } from '../../components/Feedback';
import { useI18n } from '../../i18n';
import { useAction } from '../../lib/use-action';
import { TextField } from '../../components/FormField';

/** The server's limits (libs/catalog): checked here first so a wrong file fails before it is sent. */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** 商品图片: upload (JPEG/PNG/WebP ≤ 5 MB), move earlier or later, delete. The first picture is the cover. */
export function ProductImagesEditor({
  productId,
  images,
  onChange,
  reload,
}: {
  productId: string;
  images: EditableImage[];
  onChange: (images: EditableImage[]) => void;
  reload: () => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useAction(async (files: File[]) => {
    for (const file of files) await uploadProductImage(productId, file);
    reload();
  });
  const reorder = useAction(async (ids: string[]) => {
    const { reorderProductImages } = await api.request(REORDER_IMAGES, { productId, imageIds: ids });
    onChange(reorderProductImages);
  });
  const remove = useAction(async (id: string) => {
    await api.request(REMOVE_IMAGE, { imageId: id });
    onChange(images.filter((i) => i.id !== id));
  });
  const busy = upload.busy || reorder.busy || remove.busy;

  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const wrong = files.find((f) => !IMAGE_TYPES.includes(f.type));
    const big = files.find((f) => f.size > MAX_IMAGE_BYTES);
    setProblem(
      wrong
        ? t('productEdit.image.type', { name: wrong.name })
        : big
          ? t('productEdit.image.size', { name: big.name })
          : null,
    );
    if (!wrong && !big && files.length) void upload.run(files);
  };
  const move = (from: number, to: number) => {
    const ids = images.map((i) => i.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id);
    void reorder.run(ids);
  };

  return (
    <fieldset className="fieldset" data-testid="product-images">
      <legend>{t('productEdit.images')}</legend>
      <p className="hint">{t('productEdit.imagesHint')}</p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNotice error={upload.error ?? reorder.error ?? remove.error} />
      {images.length === 0 ? (
        <p className="muted">{t('productEdit.noImages')}</p>
      ) : (
        <ol className="image-editor-list">
          {images.map((img, i) => (
            <li key={img.id} data-testid="product-image" data-image-id={img.id}>
              <img
                src={img.thumbnailUrl}
                alt={t('productEdit.imageAlt', { n: i + 1 })}
                width={120}
                height={90}
                loading="lazy"
              />
              <div className="image-editor-actions">
                <button
                  type="button"
                  className="button button-quiet button-small"
                  disabled={busy || i === 0}
                  onClick={() => move(i, i - 1)}
                  aria-label={t('productEdit.moveEarlier', { n: i + 1 })}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  disabled={busy || i === images.length - 1}
                  onClick={() => move(i, i + 1)}
                  aria-label={t('productEdit.moveLater', { n: i + 1 })}
                >
                  →
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => void remove.run(img.id)}
                  aria-label={t('productEdit.removeImage', { n: i + 1 })}
                >
                  {t('productEdit.remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <TextField
        label={t('productEdit.addImages')}
        ref={input}
        type="file"
        accept={IMAGE_TYPES.join(',')}
        multiple
        onChange={picked}
        disabled={busy}
        data-testid="image-input"
      />
      {upload.busy && <p className="muted small">{t('productEdit.uploading')}</p>}
    </fieldset>
  );
}
