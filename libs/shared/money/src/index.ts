export * from './money';
// The one yuan formatter; its code lives in @bangfu/locale (pure, no server deps) so the storefront shares it.
export { fenToYuan, formatYuan, type YuanFormat } from '@bangfu/locale';
