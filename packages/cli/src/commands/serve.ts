import { type Command, type CommandContext, EXIT, UsageError } from '../command.js';
import { localize } from '../format/lang.js';

/**
 * `nianbao serve [--port 8080] [--host 127.0.0.1] [--workers N] [--queue N] [--body-limit MB] [--timeout MS]`: the
 * HTTP service of @nianbao/server (validate, render, import, audit; OpenAPI at /openapi.json) until SIGTERM or
 * Ctrl-C, which stop it gracefully. Structured JSON logs go to stdout.
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: {
    zh: '作为 HTTP 服务运行（检查、生成、导入、批量审核），供任何语言的后端调用',
    en: 'run as an HTTP service (validate, render, import, audit) for back ends in any language',
  },
  usage:
    'nianbao serve [--port 8080] [--host 127.0.0.1] [--workers N] [--queue N] [--body-limit MB] [--timeout MS]',
  options: {
    port: {
      type: 'string',
      valueName: 'N',
      description: {
        zh: '监听端口（默认 8080；0 为任一空闲端口）',
        en: 'port to listen on (default 8080; 0: any free port)',
      },
    },
    host: {
      type: 'string',
      valueName: 'ADDR',
      description: {
        zh: '监听地址（默认 127.0.0.1；容器中用 0.0.0.0）',
        en: 'address to bind (default 127.0.0.1; 0.0.0.0 in a container)',
      },
    },
    workers: {
      type: 'string',
      valueName: 'N',
      description: {
        zh: '生成与导入的工作线程数（默认为 CPU 核数）',
        en: 'worker threads for renders and imports (default: one per CPU core)',
      },
    },
    queue: {
      type: 'string',
      valueName: 'N',
      description: {
        zh: '可排队等待的任务数（默认每个线程 8 个）；已满时答复 503 和 Retry-After',
        en: 'jobs that may wait (default 8 per worker); when full, 503 with Retry-After',
      },
    },
    'body-limit': {
      type: 'string',
      valueName: 'MB',
      description: { zh: '请求体上限（默认 20 MB）', en: 'request body limit (default 20 MB)' },
    },
    timeout: {
      type: 'string',
      valueName: 'MS',
      description: {
        zh: '单个任务（含排队）的时限，毫秒（默认 30000）',
        en: 'deadline of one job, waiting included, in milliseconds (default 30000)',
      },
    },
  },
  notes: [
    {
      zh: '接口：POST /v1/validate、/v1/render?format=pdf|html|docx、/v1/import、/v1/audit；GET /openapi.json、/docs、/healthz、/readyz、/metrics。收到 SIGTERM 或 Ctrl-C 后不再接受新连接，处理完进行中的请求后退出（退出码 0）。',
      en: 'Routes: POST /v1/validate, /v1/render?format=pdf|html|docx, /v1/import, /v1/audit; GET /openapi.json, /docs, /healthz, /readyz, /metrics. On SIGTERM or Ctrl-C it stops accepting connections, finishes the requests in flight, then exits 0.',
    },
  ],

  async run({ options, io }: CommandContext): Promise<number> {
    const text = (name: string): string | undefined => {
      const value = options[name];
      return typeof value === 'string' ? value : undefined;
    };
    // Loaded here: the service's framework and pool are for this command only.
    const { serve, serveOptions, ServeArgsError } = await import('@nianbao/server');
    let settings: ReturnType<typeof serveOptions>;
    try {
      settings = serveOptions({
        port: text('port'),
        host: text('host'),
        workers: text('workers'),
        queue: text('queue'),
        'body-limit': text('body-limit'),
        timeout: text('timeout'),
      });
    } catch (error) {
      if (error instanceof ServeArgsError) throw new UsageError(error.text);
      throw error;
    }
    const running = await serve({ ...settings, logStream: io.stdout });
    io.stderr.write(
      `nianbao serve: ${localize({ zh: '已就绪', en: 'ready' }, 'both')} ${running.url} (${running.url}/docs)\n`,
    );
    await running.stopped;
    return EXIT.ok;
  },
};
