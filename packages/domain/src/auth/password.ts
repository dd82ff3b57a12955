/**
 * Password policy for local accounts. 等保 2.0 (MLPS level 2/3) asks for complex passwords; the usual reading in
 * government systems is ≥ 8 characters of 3 classes, and we ask for 10 to stay ahead of audits.
 */
import { msg, type Msg } from '../msg.ts'

export const PASSWORD_MIN_LENGTH = 10
/** Long enough for any passphrase; the cap stops megabyte "passwords" from making the hash function a DoS vector. */
export const PASSWORD_MAX_LENGTH = 128

/**
 * Lower-case passwords and base words that are tried first in credential stuffing against Chinese sites
 * (top lists of leaked CSDN/12306-style dumps, plus our own product's names). A password is refused when it equals
 * one, or equals one followed only by digits and symbols ('Gongxin@2024' → 'gongxin').
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'admin', 'administrator', 'root', 'test', 'guest', 'welcome', 'letmein',
  'changeme', 'iloveyou', 'woaini', 'qwerty', 'qwertyuiop', 'qwer', 'asdf', 'asdfgh', 'zxcv', 'zxcvbnm', 'qazwsx',
  '1qaz2wsx', '1qaz@wsx', '1q2w3e4r', 'a', 'aa', 'abc', 'abcd', 'abcdef', 'huawei', 'gongxin', 'gxt', 'gxj', 'jxw',
  '123456', '12345678', '123456789', '1234567890', '111111', '000000', '666666', '888888', '123123', '5201314', '147258369',
  'a123456', 'aa123456', 'abc123', 'abc123456', 'admin123', 'admin@123', 'qwe123', 'woaini1314',
])

const classesOf = (password: string) => ({
  lower: /[a-z]/.test(password),
  upper: /[A-Z]/.test(password),
  digit: /[0-9]/.test(password),
  // Anything else, including non-ASCII letters such as Chinese characters: they widen the search space like symbols do.
  symbol: /[^a-zA-Z0-9]/.test(password),
})

function isCommon(password: string): boolean {
  const lower = password.toLowerCase()
  return COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[^a-z]+$/, ''))
}

/** Every rule the password breaks, [] if acceptable. */
export function checkPasswordPolicy(password: string, username: string): Msg[] {
  const errors: Msg[] = []
  const length = Array.from(password).length
  if (length < PASSWORD_MIN_LENGTH) {
    errors.push(msg('tooShort', `密码至少需要${PASSWORD_MIN_LENGTH}个字符，当前为${length}个`,
      `The password needs at least ${PASSWORD_MIN_LENGTH} characters, it has ${length}`, { min: PASSWORD_MIN_LENGTH, length }))
  }
  if (length > PASSWORD_MAX_LENGTH) {
    errors.push(msg('tooLong', `密码不能超过${PASSWORD_MAX_LENGTH}个字符`,
      `The password must not exceed ${PASSWORD_MAX_LENGTH} characters`, { max: PASSWORD_MAX_LENGTH, length }))
  }
  const classes = classesOf(password)
  const count = Object.values(classes).filter(Boolean).length
  if (count < 3) {
    errors.push(msg('tooFewClasses', `密码需包含小写字母、大写字母、数字、符号中的至少3类，当前为${count}类`,
      `The password needs at least 3 of: lower-case letters, upper-case letters, digits, symbols; it has ${count}`, { count }))
  }
  // Shorter usernames ('li', 'a') would match too many innocent passwords to be worth refusing.
  const name = username.trim().toLowerCase()
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    errors.push(msg('containsUsername', '密码不能包含用户名', 'The password must not contain the username'))
  }
  if (isCommon(password)) {
    errors.push(msg('commonPassword', '密码过于常见，容易被猜中，请换一个', 'The password is too common and easy to guess; choose another'))
  }
  return errors
}
