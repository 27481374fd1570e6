import { serverTestConfig } from '../../../tools/vite/preset.ts';

export default serverTestConfig('libs/shared/locale', 'locale');
