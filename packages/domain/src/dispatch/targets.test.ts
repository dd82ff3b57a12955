import { describe, expect, it } from 'vitest'
import { targetStatus } from './index.ts'

describe('targetStatus: growth targets, gap in percentage points', () => {
  it.each<[number, number | null, number | null, string, string]>([
    [6, 4.8, -1.2, '低于目标 1.2 个百分点', '1.2 points below target'],
    [6, 7.25, 1.3, '高于目标 1.3 个百分点', '1.3 points above target'],
    [6, 6.04, 0, '与目标持平', 'on target'],
    [6, 5.95, 0, '与目标持平', 'on target'], // publishes as 6.0
    [6, 5.35, -0.6, '低于目标 0.6 个百分点', '0.6 points below target'], // 5.35 publishes as 5.4: 6.0 − 5.4 = 0.6
    [6.5, -2.05, -8.6, '低于目标 8.6 个百分点', '8.6 points below target'], // −2.05 → −2.1
    [6, null, null, '暂无实际值', 'no actual figure yet'],
  ])('target %d, actual %j → gap %j', (target, actual, gap, zh, en) => {
    const s = targetStatus('growth', target, actual, 11)
    expect(s).toMatchObject({ kind: 'growth', target, actual, gapPts: gap, text: { zh, en } })
    expect(s.pacePct).toBeUndefined()
  })
})

describe('targetStatus: level targets, schedule pace (时序进度)', () => {
  it.each<[string, number, number | null, number, number | null, number, number | null, string]>([
    ['ahead in June', 500, 290, 6, 58, 50, 8, '完成全年目标的 58.0%，超时序进度 8.0 个百分点'],
    ['behind in November', 300, 240, 11, 80, 91.7, -11.7, '完成全年目标的 80.0%，落后时序进度 11.7 个百分点'],
    ['exactly on schedule in March', 1200, 300, 3, 25, 25, 0, '完成全年目标的 25.0%，与时序进度持平'],
    ['target passed by December', 100, 104, 12, 104, 100, 4, '完成全年目标的 104.0%，超时序进度 4.0 个百分点'],
    ['Jan–Feb: two months elapsed', 600, 50, 2, 8.3, 16.7, -8.4, '完成全年目标的 8.3%，落后时序进度 8.4 个百分点'],
    ['nothing yet', 500, 0, 4, 0, 33.3, -33.3, '完成全年目标的 0.0%，落后时序进度 33.3 个百分点'],
    ['no actual', 500, null, 4, null, 33.3, null, '暂无实际值'],
    ['zero target', 0, 10, 4, null, 33.3, null, '目标值 0 不大于 0，无法计算进度'],
    ['negative target', -5, 10, 4, null, 33.3, null, '目标值 -5 不大于 0，无法计算进度'],
  ])('%s', (_, target, actual, month, pace, elapsed, ahead, zh) => {
    const s = targetStatus('level', target, actual, month)
    expect(s).toMatchObject({ kind: 'level', pacePct: pace, elapsedPct: elapsed, aheadPts: ahead })
    expect(s.text.zh).toBe(zh)
    expect(s.gapPts).toBeUndefined()
  })

  it('printed figures subtract to the printed difference', () => {
    for (let month = 1; month <= 12; month++) {
      for (const actual of [0, 7, 33, 50, 77.7, 91.65, 120]) {
        const s = targetStatus('level', 100, actual, month)
        expect(s.aheadPts).toBeCloseTo((s.pacePct as number) - (s.elapsedPct as number), 10)
      }
    }
  })

  it('says the English too', () => {
    expect(targetStatus('level', 300, 240, 11).text.en).toBe('80.0% of the annual target reached, 11.7 points behind schedule')
    expect(targetStatus('level', 500, 290, 6).text.en).toBe('58.0% of the annual target reached, 8.0 points ahead of schedule')
  })

  it.each([0, 13, 1.5])('month %d is refused', (m) => expect(() => targetStatus('level', 1, 1, m)).toThrow(RangeError))
  it('a non-finite target is refused', () => expect(() => targetStatus('growth', Number.NaN, 1, 3)).toThrow(RangeError))
})
