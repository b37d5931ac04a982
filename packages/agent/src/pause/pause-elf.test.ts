import { describe, expect, it } from 'vitest';

import { buildPauseElf } from './pause-elf.js';

describe('buildPauseElf', () => {
  const elf = buildPauseElf();
  const view = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);

  it('is a static x86-64 executable with one loadable segment covering the file', () => {
    expect([...elf.slice(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(elf[4]).toBe(2); // ELFCLASS64
    expect(elf[5]).toBe(1); // little endian
    expect(view.getUint16(16, true)).toBe(2); // ET_EXEC
    expect(view.getUint16(18, true)).toBe(0x3e); // x86-64
    expect(view.getUint16(56, true)).toBe(1); // one program header
    expect(view.getUint32(64, true)).toBe(1); // PT_LOAD
    expect(view.getBigUint64(64 + 32, true)).toBe(BigInt(elf.length)); // p_filesz
  });

  it('enters at the pause loop: mov eax, 34; syscall; jmp back', () => {
    const entry = Number(view.getBigUint64(24, true) - view.getBigUint64(64 + 16, true));
    expect([...elf.slice(entry)]).toEqual([0xb8, 34, 0, 0, 0, 0x0f, 0x05, 0xeb, 0xf7]);
  });
});
