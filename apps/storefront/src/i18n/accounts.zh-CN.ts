// Texts for sign-up, password reset, landing, agency exports and the not-found page (issue 15 items 4–7).
export const accountsZhCN = {
  'accounts.placeholder': '帮扶',
} as const;
