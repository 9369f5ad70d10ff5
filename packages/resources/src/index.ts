// @audian/resources — typed Crossbar resources and createAudian().

export { type Audian, type AudianOptions, createAudian, type SessionInfo } from './client';
