import { serverTestConfig } from '../../tools/vite/preset.ts';

export default serverTestConfig('apps/api', 'api');
