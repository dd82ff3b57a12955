// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Options { url: string; connections?: number; duration?: number; headers?: Record<string, string> }
  interface Result { non2xx: number; latency: { p50: number; p90: number; p97_5: number; p99: number; average: number }; requests: { average: number } }
  export default function autocannon(opts: Options): Promise<Result>
}
