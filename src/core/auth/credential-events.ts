/**
 * What happens to passwords, told to whoever holds keys derived from them (the keyring of encryption at rest
 * wraps the data key with each user's password and with the owner's recovery code). Accounts emit; the keyring
 * listens. A listener that throws fails the account operation, so a password is never set that cannot unlock.
 */
export type CredentialEvent =
  | { readonly kind: 'owner-created'; readonly userId: string; readonly password: string; readonly recoveryCode: string }
  | { readonly kind: 'user-created'; readonly userId: string; readonly password: string }
  | { readonly kind: 'signed-in'; readonly userId: string; readonly password: string }
  /**
   * Changed by the user, reset by the owner or an admin, or set with the recovery code. In that last case
   * (`auth.recover`) the code comes along: nobody may be signed in, and it is what opens the keyring then.
   */
  | { readonly kind: 'password-set'; readonly userId: string; readonly password: string; readonly recoveryCode?: string }
  | { readonly kind: 'recovery-code-set'; readonly recoveryCode: string }
  | { readonly kind: 'user-removed'; readonly userId: string };

export type CredentialListener = (event: CredentialEvent) => void | Promise<void>;

export class CredentialEvents {
  readonly #listeners: CredentialListener[] = [];

  on(listener: CredentialListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at >= 0) this.#listeners.splice(at, 1);
    };
  }

  async emit(event: CredentialEvent): Promise<void> {
    for (const listener of this.#listeners) await listener(event);
  }
}
