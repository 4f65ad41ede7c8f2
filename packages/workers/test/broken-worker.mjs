// A worker for pool.test.ts that cannot load (as with a broken build).
throw new Error('broken build');
