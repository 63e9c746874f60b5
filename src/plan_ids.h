/*
 * The plan ids of the file being read, to find a plan given twice: kept only as 128-bit
 * hashes with the line of their row, in an open-addressing table; the ids themselves
 * never leave the row being read. For the reading layer (load_rows.c) only.
 */
#ifndef PLAN_IDS_H
#define PLAN_IDS_H

#include <stddef.h>
#include <stdint.h>

/* A plan id's 128-bit hash: ids are told apart by it alone, as they are not kept (two ids
 * of one file share it with a chance of about n^2 / 2^129, nil for any real n). */
struct plan_key {
	uint64_t	 a, b;		/* a is never 0 */
};

struct plan_id {
	struct plan_key	 key;
	long		 line;
};

struct plan_ids {
	struct plan_id	*v;		/* a.key.a == 0 marks a free slot */
	size_t		 cap, n;
	size_t		 hint;		/* first size: a power of two */
	int		 mapped;	/* v comes from mmap */
};

/* The hash of the plan id s[0, len). This function can't fail. */
struct plan_key	plan_key(const char *s, size_t len);
/* Sets the first size of the table from the size of the file to be read (rows of 36 bytes
 * or more), so that a large file does not grow it many times. */
void	plan_ids_expect(struct plan_ids *, size_t file_bytes);
/* The line of the row whose id has key h, or 0 when none; *slot is where h would go. */
long	plan_ids_find(struct plan_ids *, struct plan_key h, size_t *slot);
/* Adds h at the slot plan_ids_find gave, with no other change in between. */
void	plan_ids_put(struct plan_ids *, size_t slot, struct plan_key h, long line);
/* Starts fetching the slot of h (a hint only: a large table is read at random). */
void	plan_ids_prefetch(const struct plan_ids *, struct plan_key h);
void	plan_ids_free(struct plan_ids *);

#endif
