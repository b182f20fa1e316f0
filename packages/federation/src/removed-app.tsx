/**
 * Stands in for a module of an app that is not in the registry any more
 * (its folder was removed): importers still build, and render a fallback.
 */
import { fallbackModule } from './fallback-module';

const removed = fallbackModule('a removed app');

export default removed.default;
