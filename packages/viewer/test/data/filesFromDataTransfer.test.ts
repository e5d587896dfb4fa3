import { describe, expect, it } from 'vitest';
import { filesFromDataTransfer } from '../../src/data/filesFromDataTransfer.js';

/** A folder or file as the File and Directory Entries API shows it. */
type Node = { name: string; children?: Node[] };

/** An entry over `node`; folders answer readEntries in batches of two, then an empty batch. */
function entry(node: Node): FileSystemEntry {
  if (node.children === undefined) {
    return {
      name: node.name,
      isFile: true,
      isDirectory: false,
      file: (resolve: (f: File) => void) => resolve(new File([node.name], node.name)),
    } as unknown as FileSystemEntry;
  }
  const children = node.children;
  return {
    name: node.name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          const batch = children.slice(next, next + 2).map(entry);
          next += 2;
          setTimeout(() => resolve(batch), 0);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function transfer(nodes: Node[], looseFiles: File[] = []): DataTransfer {
  const items = [
    ...nodes.map((node) => ({
      kind: 'file',
      webkitGetAsEntry: () => entry(node),
      getAsFile: () => null,
    })),
    ...looseFiles.map((file) => ({
      kind: 'file',
      webkitGetAsEntry: () => null,
      getAsFile: () => file,
    })),
    { kind: 'string', webkitGetAsEntry: () => null, getAsFile: () => null },
  ];
  return { items, files: [] } as unknown as DataTransfer;
}

describe('filesFromDataTransfer', () => {
  it('walks a dropped folder, in every batch and sub-folder, keeping each file’s path', async () => {
    const files = await filesFromDataTransfer(
      transfer([
        {
          name: 'out',
          children: [
            { name: 'cells.geojson' },
            { name: 'zones.geojson' },
            { name: 'summary.json' },
            { name: 'old', children: [{ name: 'cells.geojson' }] },
          ],
        },
      ]),
    );
    expect(files.map((f) => f.path)).toEqual([
      'out/cells.geojson',
      'out/zones.geojson',
      'out/summary.json',
      'out/old/cells.geojson',
    ]);
    expect(await files[1].file.text()).toBe('zones.geojson');
  });

  it('takes loose files as they are, beside folders', async () => {
    const loose = new File(['x'], 'organizations.geojson');
    const files = await filesFromDataTransfer(transfer([{ name: 'cells.geojson' }], [loose]));
    expect(files.map((f) => f.path).sort()).toEqual(['cells.geojson', 'organizations.geojson']);
  });

  it('does not descend more than four folders below the drop', async () => {
    let deep: Node = { name: 'cells.geojson' };
    for (let i = 5; i >= 1; i--) deep = { name: `level${i}`, children: [deep] };
    const files = await filesFromDataTransfer(transfer([{ name: 'top', children: [deep] }]));
    expect(files).toEqual([]);
    const shallow = await filesFromDataTransfer(
      transfer([{ name: 'top', children: [{ name: 'a', children: [{ name: 'cells.geojson' }] }] }]),
    );
    expect(shallow.map((f) => f.path)).toEqual(['top/a/cells.geojson']);
  });
});
