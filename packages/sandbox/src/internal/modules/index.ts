import type { SandboxModule } from '../sandbox-module';
import { smsModule } from './sms';

/**
 * Every Crossbar module the sandbox serves, one line each. A module is one file in this folder
 * (its documents, validators, endpoints and demo content); adding one is that file plus a line here.
 */
export const MODULES: readonly SandboxModule[] = [smsModule];
