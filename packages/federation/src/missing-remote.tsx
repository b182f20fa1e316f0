/**
 * Stands in for a module of an app that is not in the registry any more
 * (its folder was removed): importers still build, and render a fallback.
 */
import { unavailableModule } from './unavailable';

const missing = unavailableModule('a removed app');

export default missing.default;
