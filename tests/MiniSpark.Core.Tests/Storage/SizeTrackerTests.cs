using MiniSpark.Storage;

namespace MiniSpark.Tests.Storage;

public sealed class SizeTrackerTests
{
    [Fact]
    public void MeasuresGeometricallyOften_AndExtrapolatesInBetween()
    {
        var tracker = new SizeTracker();
        int measurements = 0;
        long lastEstimate = 0;
        for (int update = 1; update <= 1_000_000; update++)
        {
            tracker.Update();
            if (tracker.NeedsMeasurement)
            {
                measurements++;
                tracker.Measured(update * 10L); // a collection growing by 10 bytes per update
            }
            long estimate = tracker.Estimate;
            Assert.True(estimate >= lastEstimate, $"estimate went down at update {update}");
            lastEstimate = estimate;
            if (update > 2) Assert.Equal(update * 10L, estimate);
        }
        // 1.1x apart: about log(1e6) / log(1.1) = 145 measurements, plus the first few updates (one each).
        Assert.InRange(measurements, 100, 200);
    }

    [Fact]
    public void GrowthSeenBetweenMeasurements_IsExtrapolated_NotLost()
    {
        var tracker = new SizeTracker();
        for (int i = 0; i < 1000; i++) tracker.Update();
        tracker.Measured(1000);
        for (int i = 0; i < 100; i++) tracker.Update();
        Assert.True(tracker.NeedsMeasurement); // 1100 = 1000 * 1.1
        tracker.Measured(21_000); // each update added 200 bytes
        for (int i = 0; i < 50; i++) tracker.Update();
        Assert.False(tracker.NeedsMeasurement);
        Assert.Equal(21_000 + 50 * 200, tracker.Estimate);
    }

    [Fact]
    public void Shrinking_NeverExtrapolatesBelowTheLastMeasurement_AndResetForgets()
    {
        var tracker = new SizeTracker();
        tracker.Update();
        tracker.Measured(5000);
        tracker.Update();
        tracker.Measured(100);
        tracker.Update();
        Assert.Equal(100, tracker.Estimate);

        tracker.Reset();
        Assert.Equal(0, tracker.Estimate);
        Assert.True(tracker.NeedsMeasurement);
    }
}
