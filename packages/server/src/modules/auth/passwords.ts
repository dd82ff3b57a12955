import argon2 from 'argon2'

// argon2id with the library's defaults (m=64 MiB, t=3, p=4): OWASP's recommended class of parameters.
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id })

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

// Verifying against a fixed hash for unknown usernames keeps the response time the same, so that the
// login form does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('gongxin-dummy-password-for-timing')
  await verifyPassword(await dummyHash, password)
}
