// A pool worker for pool.test.ts that cannot start (as with a broken build): it fails while it loads.
throw new Error('broken build');
