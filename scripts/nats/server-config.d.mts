// Types for server-config.mjs (a plain script so an organisation can run it with node alone).
export declare const SUBJECT_ROOT: 'levelset';
export declare const INBOX_STREAM: 'LEVELSET_INBOX';
export declare const INBOX_SUBJECTS: string;
export declare const ID_PATTERN: RegExp;
export type Role = 'chair' | 'member' | 'manager';
/** A password user, or an nkey user (nkey: its public key, U…). */
export interface ConfigUser { id: string; role: Role; password?: string; nkey?: string }
export interface Rule { allow: string[]; deny?: string[] }
export interface Permissions { publish: Rule; subscribe: Rule }
export interface ServerConfigInput {
  host?: string;
  port?: number;
  serverName?: string;
  storeDir: string;
  websocket: { host?: string; port: number; tls: { cert: string; key: string } | 'none' };
  maxPayload?: string;
  users: ConfigUser[];
  passwordsFromEnv?: boolean;
}
export declare function userInboxPrefix(id: string): string;
export declare function rolePermissions(role: Role, id: string): Permissions;
export declare function passwordEnvName(id: string): string;
export declare function renderServerConfig(input: ServerConfigInput): string;
export interface Deployment {
  chair: string;
  members: string[];
  managers: string[];
  tlsCert?: string;
  tlsKey?: string;
  storeDir?: string;
  wsPort?: number;
}
export declare const SAMPLE_DEPLOYMENT: Deployment;
export declare function renderDeploymentConfig(d: Deployment): string;
