// Starts an app on a port (0 takes a free one) and reports the port it got.
import { serve, type ServerType } from "@hono/node-server";

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export interface Fetchable {
  fetch: (request: Request, ...rest: never[]) => Response | Promise<Response>;
}

export function listen(app: Fetchable, options: { port: number; hostname?: string }): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const onError = (error: Error) =>
      reject(new Error(`cannot listen on ${hostname}:${options.port}: ${error.message}`));
    const server: ServerType = serve(
      { fetch: app.fetch as (r: Request) => Response, port: options.port, hostname },
      (info) => {
        server.off("error", onError);
        const host = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
        resolve({
          port: info.port,
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              const s = server as unknown as {
                closeAllConnections?: () => void;
                close(cb: () => void): void;
              };
              s.close(() => done());
              s.closeAllConnections?.();
            }),
        });
      },
    );
    server.once("error", onError);
  });
}
