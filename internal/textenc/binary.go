package textenc

import "bytes"

// binarySample bounds how much of a file the control-character count looks
// at; a NUL byte is searched for in the whole input (bytes.IndexByte is
// fast).
const binarySample = 64 << 10

// LooksBinary reports whether raw is probably not a text file, so the CLI can
// refuse it with one clear line instead of linting garbage:
//
//   - without a UTF-16 BOM, any NUL byte means binary (no supported 8-bit
//     encoding produces one in text);
//   - with a UTF-16 BOM, a NUL code unit means binary;
//   - otherwise, binary when at least 3 characters and 1% of the first 64 KiB
//     are control characters other than tab, LF, VT, FF, CR and ESC.
//
// Empty input is not binary. UTF-16 without a BOM looks binary; a caller
// given an explicit --encoding should skip this check.
func LooksBinary(raw []byte) bool {
	if hasPrefix(raw, UTF16LEBOM.BOM()) || hasPrefix(raw, UTF16BEBOM.BOM()) {
		be := raw[0] == 0xFE
		var chars, controls int
		for i := 2; i+1 < len(raw) && i < binarySample; i += 2 {
			u := uint16(raw[i+1])<<8 | uint16(raw[i])
			if be {
				u = uint16(raw[i])<<8 | uint16(raw[i+1])
			}
			if u == 0 {
				return true
			}
			chars++
			if isControl(u) {
				controls++
			}
		}
		return manyControls(controls, chars)
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return true
	}
	sample := raw[:min(len(raw), binarySample)]
	controls := 0
	for _, b := range sample {
		if isControl(uint16(b)) {
			controls++
		}
	}
	return manyControls(controls, len(sample))
}

func isControl(u uint16) bool {
	switch {
	case u >= '\t' && u <= '\r', u == 0x1B:
		return false
	case u < 0x20, u == 0x7F:
		return true
	}
	return false
}

func manyControls(controls, chars int) bool {
	return controls >= 3 && controls*100 >= chars
}
