// First run done, so the bench loads the app's everyday screen, not the welcome screen.
export const onboarding = {
  name: 'onboarding',
  async seed(ctx) {
    const settings = await ctx.invoke('settings.completeOnboarding', {
      profile: { name: 'Bench', ageBand: '31-50', sex: 'female', lifeStage: 'none', bedtime: '22:30' },
      disclaimerAccepted: true
    })
    if (!settings || settings.onboarded !== true) throw new Error('onboarding did not stick')
  }
}
