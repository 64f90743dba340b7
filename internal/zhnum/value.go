package zhnum

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Value is an exact decimal number: ±mantissa × 10^exp.
//
// It is kept normalised (the mantissa has no trailing zeros, zero is 0×10^0),
// so two equal numbers have identical fields and Equal is a field compare.
// Mantissas that fit in a uint64 live in m and cost no allocation; only
// larger ones (rare in prose: 1×10^21 is still m=1) use a big.Int.
// The zero Value is 0.
type Value struct {
	m   uint64
	b   *big.Int // non-nil only when the mantissa does not fit m; always > 0
	e   int
	neg bool
}

var (
	bigTen   = big.NewInt(10)
	bigTen19 = new(big.Int).SetUint64(1e19)
)

// pow10u[i] = 10^i for i ≤ 19.
var pow10u = [20]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// mk builds a normalised Value from a uint64 mantissa.
func mk(neg bool, m uint64, e int) Value {
	if m == 0 {
		return Value{}
	}
	for m%10 == 0 {
		m /= 10
		e++
	}
	return Value{m: m, e: e, neg: neg}
}

// mkBig builds a normalised Value from a non-negative big mantissa, which it
// may keep (callers must not reuse b).
func mkBig(neg bool, b *big.Int, e int) Value {
	if b.Sign() == 0 {
		return Value{}
	}
	if b.IsUint64() {
		return mk(neg, b.Uint64(), e)
	}
	// Strip zeros 19 at a time first so long runs of zeros stay cheap.
	q, r := new(big.Int), new(big.Int)
	for {
		q.QuoRem(b, bigTen19, r)
		if r.Sign() != 0 {
			break
		}
		b, q = q, b
		e += 19
	}
	for {
		q.QuoRem(b, bigTen, r)
		if r.Sign() != 0 {
			break
		}
		b, q = q, b
		e++
	}
	if b.IsUint64() {
		return mk(neg, b.Uint64(), e)
	}
	return Value{b: b, e: e, neg: neg}
}

// Int returns i as a Value.
func Int(i int64) Value {
	if i < 0 {
		return mk(true, uint64(-(i+1))+1, 0)
	}
	return mk(false, uint64(i), 0)
}

// Pow10 returns 10^n.
func Pow10(n int) Value { return Value{m: 1, e: n} }

// NewValue returns mant × 10^exp. mant is not retained.
func NewValue(mant *big.Int, exp int) Value {
	neg := mant.Sign() < 0
	return mkBig(neg, new(big.Int).Abs(mant), exp)
}

// ParseValue parses s, which must be exactly one number in any form Parse
// accepts, optionally signed (for tests, configuration and table data).
// Ambiguous (兆) and approximate numbers are errors; a trailing % is dropped.
func ParseValue(s string) (Value, error) {
	n, size := ParseSigned(s, 0)
	if size == 0 || size != len(s) {
		return Value{}, errors.New("zhnum: not a number: " + strconv.Quote(s))
	}
	if n.Flags&(Zhao|Approx) != 0 {
		return Value{}, errors.New("zhnum: ambiguous number: " + strconv.Quote(s))
	}
	return n.Value, nil
}

// Sign returns -1, 0 or +1.
func (v Value) Sign() int {
	switch {
	case v.m == 0 && v.b == nil:
		return 0
	case v.neg:
		return -1
	}
	return 1
}

// IsZero reports whether v == 0.
func (v Value) IsZero() bool { return v.m == 0 && v.b == nil }

// Neg returns -v.
func (v Value) Neg() Value {
	if v.IsZero() {
		return v
	}
	v.neg = !v.neg
	return v
}

// Abs returns |v|.
func (v Value) Abs() Value { v.neg = false; return v }

// MulPow10 returns v × 10^n; it never allocates.
func (v Value) MulPow10(n int) Value {
	if v.IsZero() {
		return v
	}
	v.e += n
	return v
}

// Mantissa returns the integer mantissa m and exponent e with v = m × 10^e;
// m carries the sign and has no trailing zeros.
func (v Value) Mantissa() (*big.Int, int) {
	m := v.bigMant()
	if v.neg {
		m.Neg(m)
	}
	return m, v.e
}

// bigMant returns a fresh copy of |mantissa|.
func (v Value) bigMant() *big.Int {
	if v.b != nil {
		return new(big.Int).Set(v.b)
	}
	return new(big.Int).SetUint64(v.m)
}

// digits returns the number of decimal digits of the mantissa (0 for zero).
func (v Value) digits() int {
	if v.b != nil {
		// BitLen gives an estimate within one; settle it exactly.
		n := int(float64(v.b.BitLen()-1)*math.Log10(2)) + 1
		p := new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
		for v.b.Cmp(p) >= 0 {
			n++
			p.Mul(p, bigTen)
		}
		for n > 1 {
			p.Quo(p, bigTen)
			if v.b.Cmp(p) >= 0 {
				break
			}
			n--
		}
		return n
	}
	if v.m == 0 {
		return 0
	}
	n := 1
	for n < 20 && v.m >= pow10u[n] {
		n++
	}
	return n
}

// Log10 returns ⌊log10 |v|⌋, the order of magnitude (18 for 6×10^18).
// It returns math.MinInt for zero.
func (v Value) Log10() int {
	if v.IsZero() {
		return math.MinInt
	}
	return v.digits() - 1 + v.e
}

// Pow10 reports whether v is exactly 10^n and returns n.
func (v Value) Pow10() (n int, ok bool) {
	if v.b == nil && v.m == 1 && !v.neg {
		return v.e, true
	}
	return 0, false
}

// Equal reports whether v == w.
func (v Value) Equal(w Value) bool {
	if v.neg != w.neg || v.e != w.e {
		return false
	}
	if v.b == nil || w.b == nil {
		return v.b == nil && w.b == nil && v.m == w.m
	}
	return v.b.Cmp(w.b) == 0
}

// Cmp compares v and w and returns -1, 0 or +1.
func (v Value) Cmp(w Value) int {
	sv, sw := v.Sign(), w.Sign()
	if sv != sw {
		if sv < sw {
			return -1
		}
		return 1
	}
	if sv == 0 {
		return 0
	}
	c := cmpAbs(v, w)
	if sv < 0 {
		return -c
	}
	return c
}

func cmpAbs(v, w Value) int {
	lv, lw := v.Log10(), w.Log10()
	if lv != lw {
		if lv < lw {
			return -1
		}
		return 1
	}
	// Same order of magnitude: align to the smaller exponent.
	if v.b == nil && w.b == nil {
		// Same magnitude, so the shift is below 20 digits; the product may
		// still overflow near 1.8e19, then the big path takes over.
		mv, mw, hi := v.m, w.m, uint64(0)
		if d := v.e - w.e; d > 0 {
			hi, mv = bits.Mul64(mv, pow10u[d])
		} else if d < 0 {
			hi, mw = bits.Mul64(mw, pow10u[-d])
		}
		if hi == 0 {
			switch {
			case mv < mw:
				return -1
			case mv > mw:
				return 1
			}
			return 0
		}
	}
	mv, mw := v.bigMant(), w.bigMant()
	if d := v.e - w.e; d > 0 {
		mv.Mul(mv, pow10Big(d))
	} else if d < 0 {
		mw.Mul(mw, pow10Big(-d))
	}
	return mv.Cmp(mw)
}

func pow10Big(n int) *big.Int {
	if n < len(pow10u) {
		return new(big.Int).SetUint64(pow10u[n])
	}
	return new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
}

// Add returns v + w.
func (v Value) Add(w Value) Value {
	if v.IsZero() {
		return w
	}
	if w.IsZero() {
		return v
	}
	if v.e > w.e {
		v, w = w, v
	}
	// Now v.e ≤ w.e; bring w's mantissa down to v's exponent.
	d := w.e - v.e
	if v.b == nil && w.b == nil && d < len(pow10u) {
		hi, wm := bits.Mul64(w.m, pow10u[d])
		if hi == 0 {
			if v.neg == w.neg {
				if s, c := bits.Add64(v.m, wm, 0); c == 0 {
					return mk(v.neg, s, v.e)
				}
			} else if v.m >= wm {
				return mk(v.neg, v.m-wm, v.e)
			} else {
				return mk(w.neg, wm-v.m, v.e)
			}
		}
	}
	a, b := v.bigMant(), w.bigMant()
	if d > 0 {
		b.Mul(b, pow10Big(d))
	}
	if v.neg {
		a.Neg(a)
	}
	if w.neg {
		b.Neg(b)
	}
	a.Add(a, b)
	neg := a.Sign() < 0
	return mkBig(neg, a.Abs(a), v.e)
}

// Sub returns v - w.
func (v Value) Sub(w Value) Value { return v.Add(w.Neg()) }

// Mul returns v × w.
func (v Value) Mul(w Value) Value {
	if v.IsZero() || w.IsZero() {
		return Value{}
	}
	neg := v.neg != w.neg
	if v.b == nil && w.b == nil {
		if hi, lo := bits.Mul64(v.m, w.m); hi == 0 {
			return mk(neg, lo, v.e+w.e)
		}
	}
	a := v.bigMant()
	return mkBig(neg, a.Mul(a, w.bigMant()), v.e+w.e)
}

// Ratio10 reports whether a / b is exactly 10^n, and returns n: the "off by
// 10^8" of a wrong magnitude definition. Zero never qualifies.
func Ratio10(a, b Value) (n int, ok bool) {
	if a.IsZero() || b.IsZero() || a.neg != b.neg {
		return 0, false
	}
	if a.b == nil && b.b == nil {
		if a.m != b.m {
			return 0, false
		}
	} else if a.b == nil || b.b == nil || a.b.Cmp(b.b) != 0 {
		return 0, false
	}
	return a.e - b.e, true
}

// Rat returns v as a big.Rat.
func (v Value) Rat() *big.Rat {
	m, e := v.Mantissa()
	r := new(big.Rat).SetInt(m)
	if e > 0 {
		r.Mul(r, new(big.Rat).SetInt(pow10Big(e)))
	} else if e < 0 {
		r.Quo(r, new(big.Rat).SetInt(pow10Big(-e)))
	}
	return r
}

// Float64 returns the nearest float64 (±Inf or 0 when out of range).
func (v Value) Float64() float64 {
	if v.b == nil && v.m < 1<<53 && v.e >= -22 && v.e <= 22 {
		// Both factors are exact, so one rounding: correctly rounded.
		f := float64(v.m)
		if v.e >= 0 {
			f *= math.Pow10(v.e)
		} else {
			f /= math.Pow10(-v.e)
		}
		if v.neg {
			f = -f
		}
		return f
	}
	switch l := v.Log10(); {
	case l > 310:
		return math.Copysign(math.Inf(1), float64(v.Sign()))
	case l < -330:
		return math.Copysign(0, float64(v.Sign()))
	}
	f, _ := v.Rat().Float64()
	return f
}

// mantText returns the decimal digits of |mantissa|.
func (v Value) mantText() string {
	if v.b != nil {
		return v.b.Text(10)
	}
	return strconv.FormatUint(v.m, 10)
}

// String returns v in plain decimal notation ("26500000000000", "0.5",
// "-47.5"), never with an exponent.
func (v Value) String() string {
	if v.IsZero() {
		return "0"
	}
	var sb strings.Builder
	if v.neg {
		sb.WriteByte('-')
	}
	writeDecimal(&sb, v.mantText(), v.e)
	return sb.String()
}

// writeDecimal writes digits × 10^e in plain notation.
func writeDecimal(sb *strings.Builder, digits string, e int) {
	switch {
	case e >= 0:
		sb.WriteString(digits)
		for range e {
			sb.WriteByte('0')
		}
	case -e < len(digits):
		k := len(digits) + e
		sb.WriteString(digits[:k])
		sb.WriteByte('.')
		sb.WriteString(digits[k:])
	default:
		sb.WriteString("0.")
		for range -e - len(digits) {
			sb.WriteByte('0')
		}
		sb.WriteString(digits)
	}
}
