/*
 * The plan ids of the file being read (see plan_ids.h): MurmurHash3 128-bit hashes in an
 * open-addressing table with linear probing, kept at most three quarters full. A large
 * table is mapped with huge pages asked for, as its accesses are random.
 */
#define _DEFAULT_SOURCE	/* madvise(MADV_HUGEPAGE) */
#include <sys/mman.h>

#include <stdlib.h>
#include <string.h>

#include "plan_ids.h"
#include "util.h"

static uint64_t
plan_rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t
plan_fmix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xFF51AFD7ED558CCDULL;
	k ^= k >> 33;
	k *= 0xC4CEB9FE1A85EC53ULL;
	k ^= k >> 33;
	return k;
}

/* The 128-bit hash of a plan id (MurmurHash3 x64 128 rounds over the id in 16-byte
 * blocks, the last one zero-padded; the length is mixed in at the end). */
struct plan_key
plan_key(const char *s, size_t len)
{
	const uint64_t c1 = 0x87C37B91114253D5ULL, c2 = 0x4CF5AD432745937FULL;
	uint64_t h1 = 0x9E3779B97F4A7C15ULL, h2 = 0xD6E8FEB86659FD93ULL, k1, k2;
	unsigned char blk[16];
	struct plan_key key;
	size_t i, n;

	for (i = 0; i < len || i == 0; i += 16) {
		n = len - i < 16 ? len - i : 16;
		memset(blk, 0, sizeof(blk));
		memcpy(blk, s + i, n);
		memcpy(&k1, blk, 8);
		memcpy(&k2, blk + 8, 8);
		k1 *= c1;
		k1 = plan_rotl(k1, 31);
		k1 *= c2;
		h1 ^= k1;
		h1 = plan_rotl(h1, 27) + h2;
		h1 = h1 * 5 + 0x52DCE729;
		k2 *= c2;
		k2 = plan_rotl(k2, 33);
		k2 *= c1;
		h2 ^= k2;
		h2 = plan_rotl(h2, 31) + h1;
		h2 = h2 * 5 + 0x38495AB5;
	}
	h1 ^= len;
	h2 ^= len;
	h1 += h2;
	h2 += h1;
	h1 = plan_fmix(h1);
	h2 = plan_fmix(h2);
	h1 += h2;
	h2 += h1;
	key.a = h1 == 0 ? 1 : h1;
	key.b = h2;
	return key;
}

/* A zeroed table of n slots. A large one is mapped with huge pages asked for, as its
 * accesses are random (*mapped is set then). */
static struct plan_id *
plan_ids_alloc(size_t n, int *mapped)
{
	size_t size = n * sizeof(struct plan_id);
	void *p;

	*mapped = 0;
	if (size >= ((size_t)4 << 20)) {
		p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			madvise(p, size, MADV_HUGEPAGE);
			*mapped = 1;
			return p;
		}
	}
	return xcalloc(n, sizeof(struct plan_id));
}

static void
plan_ids_release(struct plan_id *v, size_t n, int mapped)
{
	if (mapped)
		munmap(v, n * sizeof(*v));
	else
		free(v);
}

long
plan_ids_find(struct plan_ids *s, struct plan_key h, size_t *slot)
{
	size_t i, k;

	if (s->cap == 0 || (s->n + 1) * 4 > s->cap * 3) {
		struct plan_ids g = { NULL, s->cap > 0 ? s->cap * 2 : s->hint > 0 ? s->hint :
		    4096, 0, 0, 0 };

		g.v = plan_ids_alloc(g.cap, &g.mapped);
		for (i = 0; i < s->cap; i++)
			if (s->v[i].key.a != 0) {
				plan_ids_find(&g, s->v[i].key, &k);
				g.v[k] = s->v[i];
				g.n++;
			}
		plan_ids_release(s->v, s->cap, s->mapped);
		g.hint = s->hint;
		*s = g;
	}
	for (i = h.a & (s->cap - 1); s->v[i].key.a != 0; i = (i + 1) & (s->cap - 1))
		if (s->v[i].key.a == h.a && s->v[i].key.b == h.b)
			return *slot = i, s->v[i].line;
	*slot = i;
	return 0;
}

void
plan_ids_put(struct plan_ids *s, size_t slot, struct plan_key h, long line)
{
	s->v[slot].key = h;
	s->v[slot].line = line;
	s->n++;
}

void
plan_ids_free(struct plan_ids *s)
{
	plan_ids_release(s->v, s->cap, s->mapped);
	memset(s, 0, sizeof(*s));
}

void
plan_ids_expect(struct plan_ids *s, size_t file_bytes)
{
	for (s->hint = 4096; s->hint < file_bytes / 36 && s->hint < ((size_t)1 << 26);)
		s->hint *= 2;
}

void
plan_ids_prefetch(const struct plan_ids *s, struct plan_key h)
{
	if (s->cap > 0)
		__builtin_prefetch(&s->v[h.a & (s->cap - 1)]);
}
