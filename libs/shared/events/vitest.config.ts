import { serverTestConfig } from '../../../tools/vite/preset.ts';

export default serverTestConfig('libs/shared/events', 'events');
