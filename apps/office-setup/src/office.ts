import { OFFICE_MARKER, type OfficeKind, type OfficeStoredDocument, readOffice } from '@audian/fleet';
import type { Audian } from '@audian/resources';
import { table } from './render';

/** The office as it now is: who answers which extension, their phones and voicemail, and the numbers. */
export async function describeOffice(audian: Audian, office: string): Promise<string> {
  const state = await readOffice(audian, office);
  const byKind = (kind: OfficeKind) => [...state.values()].filter((s) => s.kind === kind).map((s) => s.doc);
  const users = byKind('user').sort((a, b) => String(a.presence_id).localeCompare(String(b.presence_id)));
  const devices = byKind('device');
  const boxes = byKind('vmbox');
  const people = table(
    ['ext', 'user', 'email', 'devices', 'voicemail'],
    users.map((u) => [
      String(u.presence_id ?? ''),
      `${u.first_name} ${u.last_name}`,
      String(u.email ?? ''),
      devices
        .filter((d) => d.owner_id === u.id)
        .map((d) => `${d.name} [${d.device_type}]`)
        .join(', '),
      boxes.some((b) => b.owner_id === u.id) ? `box ${boxes.find((b) => b.owner_id === u.id)?.mailbox}` : '-',
    ]),
  );
  const flows = byKind('callflow').sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const numbers = table(
    ['number', 'callflow', 'routes to'],
    flows.map((f) => [((f.numbers as string[] | undefined) ?? []).join(', '), String(f.name ?? ''), describeFlow(f.flow)]),
  );
  return `Office "${office}"\n\n${people}\n\n${numbers}`;
}

function keyOf(doc: OfficeStoredDocument): string {
  return String((doc[OFFICE_MARKER] as { key?: string } | undefined)?.key ?? '');
}

function describeFlow(flow: unknown): string {
  const node = flow as { module?: string; children?: Record<string, unknown> } | undefined;
  if (!node?.module) return '';
  const children = Object.keys(node.children ?? {});
  if (node.module === 'temporal_route') return 'business hours → open / closed';
  if (node.module === 'menu') return `menu (${children.filter((c) => c !== '_').join(' ')})`;
  return [node.module, ...(children.length ? ['→', ...children.map((c) => describeFlow(node.children?.[c]))] : [])].join(' ');
}
