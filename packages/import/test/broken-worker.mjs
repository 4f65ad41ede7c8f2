// A pool worker for pool.test.ts that cannot start (as with a broken build): it fails before saying it is ready.
throw new Error('broken build');
