/**
 * The pause program as a minimal static x86-64 Linux ELF executable, built byte by byte: an ELF64
 * header, one PT_LOAD program header mapping the whole file read+execute, and nine bytes of code
 * that call pause(2) forever:
 *
 *   loop: mov eax, 34     ; b8 22 00 00 00   (__NR_pause)
 *         syscall         ; 0f 05
 *         jmp loop        ; eb f7
 *
 * As PID 1 of its container it ignores SIGTERM (no handler installed), so it is stopped with SIGKILL.
 */
const ELF_HEADER_SIZE = 64;
const PROGRAM_HEADER_SIZE = 56;
const LOAD_ADDRESS = 0x400000n;

const CODE = Uint8Array.of(0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xeb, 0xf7);

const writeElfHeader = (view: DataView, entry: bigint): void => {
  [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0].forEach((byte, i) => view.setUint8(i, byte)); // \x7fELF, 64-bit, LE, v1, SysV
  view.setUint16(16, 2, true); // e_type: ET_EXEC
  view.setUint16(18, 0x3e, true); // e_machine: x86-64
  view.setUint32(20, 1, true); // e_version
  view.setBigUint64(24, entry, true); // e_entry
  view.setBigUint64(32, BigInt(ELF_HEADER_SIZE), true); // e_phoff
  view.setBigUint64(40, 0n, true); // e_shoff: no sections
  view.setUint32(48, 0, true); // e_flags
  view.setUint16(52, ELF_HEADER_SIZE, true); // e_ehsize
  view.setUint16(54, PROGRAM_HEADER_SIZE, true); // e_phentsize
  view.setUint16(56, 1, true); // e_phnum
  view.setUint16(58, 0, true); // e_shentsize
  view.setUint16(60, 0, true); // e_shnum
  view.setUint16(62, 0, true); // e_shstrndx
};

const writeProgramHeader = (view: DataView, fileSize: number): void => {
  const at = ELF_HEADER_SIZE;
  view.setUint32(at, 1, true); // p_type: PT_LOAD
  view.setUint32(at + 4, 5, true); // p_flags: R + X
  view.setBigUint64(at + 8, 0n, true); // p_offset
  view.setBigUint64(at + 16, LOAD_ADDRESS, true); // p_vaddr
  view.setBigUint64(at + 24, LOAD_ADDRESS, true); // p_paddr
  view.setBigUint64(at + 32, BigInt(fileSize), true); // p_filesz
  view.setBigUint64(at + 40, BigInt(fileSize), true); // p_memsz
  view.setBigUint64(at + 48, 0x1000n, true); // p_align
};

export const buildPauseElf = (): Uint8Array => {
  const codeOffset = ELF_HEADER_SIZE + PROGRAM_HEADER_SIZE;
  const bytes = new Uint8Array(codeOffset + CODE.length);
  const view = new DataView(bytes.buffer);
  writeElfHeader(view, LOAD_ADDRESS + BigInt(codeOffset));
  writeProgramHeader(view, bytes.length);
  bytes.set(CODE, codeOffset);
  return bytes;
};
