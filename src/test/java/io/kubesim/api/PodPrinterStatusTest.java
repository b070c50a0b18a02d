package io.kubesim.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static io.kubesim.api.PrinterFixtures.NOW;
import static io.kubesim.api.PrinterFixtures.ago;
import static io.kubesim.api.PrinterFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden READY / STATUS / RESTARTS cells of {@code printPod}. */
class PodPrinterStatusTest {

    private static final String ONE = "{'containers':[{'name':'app','image':'nginx'}]}";
    private static final String TWO = "{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}";
    private static final String TWO_INITS = "{'initContainers':[{'name':'i1'},{'name':'i2'}],"
            + "'containers':[{'name':'app'}]}";
    private static final String SIDECAR = "{'initContainers':[{'name':'proxy','restartPolicy':'Always'}],"
            + "'containers':[{'name':'app'}]}";

    private static JsonNode pod(String spec, String status) {
        return json("{'metadata':{'name':'p'},'spec':" + spec + ",'status':" + status + "}");
    }

    private static List<Object> summary(String spec, String status) {
        return new PodPrinter().cells(pod(spec, status), NOW).subList(1, 4);
    }

    private static String container(String name, String state, boolean ready, int restarts) {
        return "{'name':'" + name + "','state':" + state + ",'ready':" + ready + ",'restartCount':" + restarts + "}";
    }

    @Test
    void unscheduledPodIsPending() {
        assertThat(summary(ONE, "{'phase':'Pending'}")).containsExactly("0/1", "Pending", "0");
    }

    @Test
    void schedulingGatedPod() {
        assertThat(summary(ONE, "{'phase':'Pending','conditions':[{'type':'PodScheduled','status':'False',"
                + "'reason':'SchedulingGated'}]}")).containsExactly("0/1", "SchedulingGated", "0");
    }

    @Test
    void containerCreating() {
        assertThat(summary(ONE, "{'phase':'Pending','containerStatuses':["
                + container("app", "{'waiting':{'reason':'ContainerCreating'}}", false, 0) + "]}"))
                .containsExactly("0/1", "ContainerCreating", "0");
    }

    @Test
    void runningAndReady() {
        assertThat(summary(ONE, "{'phase':'Running','containerStatuses':["
                + container("app", "{'running':{'startedAt':'2024-05-01T11:00:00Z'}}", true, 0) + "]}"))
                .containsExactly("1/1", "Running", "0");
    }

    @Test
    void runningButNotReady() {
        assertThat(summary(TWO, "{'phase':'Running','containerStatuses':["
                + container("a", "{'running':{}}", true, 0) + "," + container("b", "{'running':{}}", false, 0) + "]}"))
                .containsExactly("1/2", "Running", "0");
    }

    @Test
    void completed() {
        assertThat(summary(ONE, "{'phase':'Succeeded','containerStatuses':["
                + container("app", "{'terminated':{'exitCode':0,'reason':'Completed'}}", false, 0) + "]}"))
                .containsExactly("0/1", "Completed", "0");
    }

    @Test
    void error() {
        assertThat(summary(ONE, "{'phase':'Failed','containerStatuses':["
                + container("app", "{'terminated':{'exitCode':1,'reason':'Error'}}", false, 0) + "]}"))
                .containsExactly("0/1", "Error", "0");
    }

    @Test
    void oomKilled() {
        assertThat(summary(ONE, "{'phase':'Running','containerStatuses':["
                + container("app", "{'terminated':{'exitCode':137,'reason':'OOMKilled'}}", false, 1) + "]}"))
                .containsExactly("0/1", "OOMKilled", "1");
    }

    @Test
    void exitCodeAndSignalWithoutReason() {
        assertThat(summary(ONE, "{'phase':'Running','containerStatuses':["
                + container("app", "{'terminated':{'exitCode':3}}", false, 0) + "]}")).element(1).isEqualTo("ExitCode:3");
        assertThat(summary(ONE, "{'phase':'Running','containerStatuses':["
                + container("app", "{'terminated':{'exitCode':137,'signal':9}}", false, 0) + "]}"))
                .element(1).isEqualTo("Signal:9");
    }

    @Test
    void crashLoopBackOffWithRestartAge() {
        String crashing = "{'name':'app','state':{'waiting':{'reason':'CrashLoopBackOff'}},'ready':false,"
                + "'restartCount':5,'lastState':{'terminated':{'exitCode':1,'finishedAt':'" + ago(Duration.ofMinutes(5))
                + "'}}}";
        assertThat(summary(ONE, "{'phase':'Running','containerStatuses':[" + crashing + "]}"))
                .containsExactly("0/1", "CrashLoopBackOff", "5 (5m ago)");
    }

    @Test
    void restartsWithoutLastStateHaveNoSuffix() {
        assertThat(summary(ONE, "{'phase':'Running','containerStatuses':["
                + container("app", "{'running':{}}", true, 2) + "]}")).containsExactly("1/1", "Running", "2");
    }

    @Test
    void restartSuffixUsesTheNewestFinishedAt() {
        String a = "{'name':'a','state':{'running':{}},'ready':true,'restartCount':1,"
                + "'lastState':{'terminated':{'finishedAt':'" + ago(Duration.ofHours(3)) + "'}}}";
        String b = "{'name':'b','state':{'running':{}},'ready':true,'restartCount':2,"
                + "'lastState':{'terminated':{'finishedAt':'" + ago(Duration.ofSeconds(42)) + "'}}}";
        assertThat(summary(TWO, "{'phase':'Running','containerStatuses':[" + a + "," + b + "]}"))
                .containsExactly("2/2", "Running", "3 (42s ago)");
    }

    @Test
    void errImagePullThenImagePullBackOff() {
        assertThat(summary(ONE, "{'phase':'Pending','containerStatuses':["
                + container("app", "{'waiting':{'reason':'ErrImagePull'}}", false, 0) + "]}"))
                .element(1).isEqualTo("ErrImagePull");
        assertThat(summary(ONE, "{'phase':'Pending','containerStatuses':["
                + container("app", "{'waiting':{'reason':'ImagePullBackOff'}}", false, 0) + "]}"))
                .element(1).isEqualTo("ImagePullBackOff");
    }

    @Test
    void firstContainerReasonWins() {
        assertThat(summary(TWO, "{'phase':'Running','containerStatuses':["
                + container("a", "{'waiting':{'reason':'CrashLoopBackOff'}}", false, 0) + ","
                + container("b", "{'waiting':{'reason':'ImagePullBackOff'}}", false, 0) + "]}"))
                .element(1).isEqualTo("CrashLoopBackOff");
    }

    @Test
    void completedContainerBesideRunningOneIsRunningWhenPodReady() {
        String statuses = "'containerStatuses':[" + container("a", "{'terminated':{'exitCode':0,'reason':'Completed'}}",
                false, 0) + "," + container("b", "{'running':{}}", true, 0) + "]";
        assertThat(summary(TWO, "{'phase':'Running'," + statuses + ",'conditions':[{'type':'Ready','status':'True'}]}"))
                .containsExactly("1/2", "Running", "0");
        assertThat(summary(TWO, "{'phase':'Running'," + statuses + ",'conditions':[{'type':'Ready','status':'False'}]}"))
                .containsExactly("1/2", "NotReady", "0");
    }

    @Test
    void firstInitContainerRunning() {
        assertThat(summary(TWO_INITS, "{'phase':'Pending','initContainerStatuses':["
                + container("i1", "{'running':{}}", false, 0) + "," + container("i2", "{'waiting':{'reason':"
                + "'PodInitializing'}}", false, 0) + "]}")).containsExactly("0/1", "Init:0/2", "0");
    }

    @Test
    void secondInitContainerRunning() {
        assertThat(summary(TWO_INITS, "{'phase':'Pending','initContainerStatuses':["
                + container("i1", "{'terminated':{'exitCode':0,'reason':'Completed'}}", false, 0) + ","
                + container("i2", "{'running':{}}", false, 0) + "]}")).containsExactly("0/1", "Init:1/2", "0");
    }

    @Test
    void initContainerWaitingForPodInitializingCountsAsProgress() {
        assertThat(summary(TWO_INITS, "{'phase':'Pending','initContainerStatuses':["
                + container("i1", "{'waiting':{'reason':'PodInitializing'}}", false, 0) + "]}"))
                .element(1).isEqualTo("Init:0/2");
    }

    @Test
    void initContainerCrashLoopCountsInitRestarts() {
        assertThat(summary(TWO_INITS, "{'phase':'Pending','initContainerStatuses':["
                + container("i1", "{'waiting':{'reason':'CrashLoopBackOff'}}", false, 4) + "]}"))
                .containsExactly("0/1", "Init:CrashLoopBackOff", "4");
    }

    @Test
    void initContainerFailures() {
        assertThat(summary(TWO_INITS, "{'phase':'Pending','initContainerStatuses':["
                + container("i1", "{'terminated':{'exitCode':1,'reason':'Error'}}", false, 0) + "]}"))
                .element(1).isEqualTo("Init:Error");
        assertThat(summary(TWO_INITS, "{'phase':'Pending','initContainerStatuses':["
                + container("i1", "{'terminated':{'exitCode':2}}", false, 0) + "]}"))
                .element(1).isEqualTo("Init:ExitCode:2");
        assertThat(summary(TWO_INITS, "{'phase':'Pending','initContainerStatuses':["
                + container("i1", "{'terminated':{'exitCode':143,'signal':15}}", false, 0) + "]}"))
                .element(1).isEqualTo("Init:Signal:15");
    }

    @Test
    void finishedInitContainerRestartsAreNotCountedOnceInitialized() {
        assertThat(summary(TWO_INITS, "{'phase':'Running','initContainerStatuses':["
                + container("i1", "{'terminated':{'exitCode':0}}", false, 3) + ","
                + container("i2", "{'terminated':{'exitCode':0}}", false, 0) + "],'containerStatuses':["
                + container("app", "{'running':{}}", true, 1) + "]}")).containsExactly("1/1", "Running", "1");
    }

    @Test
    void initializedConditionLetsContainerReasonsOverrideInitProgress() {
        String init = "'initContainerStatuses':[" + container("i1", "{'waiting':{'reason':'PodInitializing'}}", false, 0)
                + "]";
        assertThat(summary(TWO_INITS, "{'phase':'Running','conditions':[{'type':'Initialized','status':'True'}],"
                + init + ",'containerStatuses':[" + container("app", "{'waiting':{'reason':'CrashLoopBackOff'}}",
                false, 2) + "]}")).containsExactly("0/1", "CrashLoopBackOff", "2");
        // Upstream quirk: a running container sets no reason, so the init progress stays.
        assertThat(summary(TWO_INITS, "{'phase':'Running','conditions':[{'type':'Initialized','status':'True'}],"
                + init + ",'containerStatuses':[" + container("app", "{'running':{}}", true, 0) + "]}"))
                .containsExactly("1/1", "Init:0/2", "0");
    }

    @Test
    void startedSidecarCountsTowardsReadyAndRestarts() {
        String sidecar = "{'name':'proxy','state':{'running':{}},'ready':true,'started':true,'restartCount':2,"
                + "'lastState':{'terminated':{'finishedAt':'" + ago(Duration.ofMinutes(7)) + "'}}}";
        assertThat(summary(SIDECAR, "{'phase':'Running','initContainerStatuses':[" + sidecar + "],"
                + "'containerStatuses':[" + container("app", "{'running':{}}", true, 1) + "]}"))
                .containsExactly("2/2", "Running", "3 (7m ago)");
    }

    @Test
    void startedButUnreadySidecar() {
        String sidecar = "{'name':'proxy','state':{'running':{}},'ready':false,'started':true,'restartCount':0}";
        assertThat(summary(SIDECAR, "{'phase':'Running','initContainerStatuses':[" + sidecar + "],"
                + "'containerStatuses':[" + container("app", "{'running':{}}", true, 0) + "]}"))
                .containsExactly("1/2", "Running", "0");
    }

    @Test
    void sidecarNotYetStartedKeepsThePodInitializing() {
        String sidecar = "{'name':'proxy','state':{'running':{}},'ready':false,'started':false,'restartCount':0}";
        assertThat(summary(SIDECAR, "{'phase':'Pending','initContainerStatuses':[" + sidecar + "]}"))
                .containsExactly("0/2", "Init:0/1", "0");
    }

    @Test
    void terminatingPod() {
        JsonNode pod = json("{'metadata':{'name':'p','deletionTimestamp':'" + ago(Duration.ofSeconds(3)) + "'},"
                + "'spec':" + ONE + ",'status':{'phase':'Running','containerStatuses':["
                + container("app", "{'running':{}}", true, 0) + "]}}");
        assertThat(new PodPrinter().cells(pod, NOW).subList(1, 4)).containsExactly("1/1", "Terminating", "0");
    }

    @Test
    void deletedFinishedPodKeepsItsStatus() {
        JsonNode pod = json("{'metadata':{'name':'p','deletionTimestamp':'" + ago(Duration.ofSeconds(3)) + "'},"
                + "'spec':" + ONE + ",'status':{'phase':'Succeeded','containerStatuses':["
                + container("app", "{'terminated':{'exitCode':0,'reason':'Completed'}}", false, 0) + "]}}");
        assertThat(new PodPrinter().cells(pod, NOW).get(2)).isEqualTo("Completed");
    }

    @Test
    void nodeLostPodBeingDeletedIsUnknown() {
        JsonNode pod = json("{'metadata':{'name':'p','deletionTimestamp':'" + ago(Duration.ofMinutes(1)) + "'},"
                + "'spec':" + ONE + ",'status':{'phase':'Running','reason':'NodeLost','containerStatuses':["
                + container("app", "{'running':{}}", true, 0) + "]}}");
        assertThat(new PodPrinter().cells(pod, NOW).get(2)).isEqualTo("Unknown");
    }

    @Test
    void nodeLostWithoutDeletionShowsTheContainerState() {
        assertThat(summary(ONE, "{'phase':'Running','reason':'NodeLost','containerStatuses':["
                + container("app", "{'running':{}}", true, 0) + "]}")).element(1).isEqualTo("NodeLost");
    }

    @Test
    void evictedPod() {
        assertThat(summary(ONE, "{'phase':'Failed','reason':'Evicted','message':'The node was low on resource'}"))
                .containsExactly("0/1", "Evicted", "0");
    }

    @Test
    void evictedPodWithTerminatedContainerShowsTheContainerReason() {
        assertThat(summary(ONE, "{'phase':'Failed','reason':'Evicted','containerStatuses':["
                + container("app", "{'terminated':{'exitCode':137,'reason':'ContainerStatusUnknown'}}", false, 0)
                + "]}")).element(1).isEqualTo("ContainerStatusUnknown");
    }

    @Test
    void emptyPodIsNullSafe() {
        assertThat(new PodPrinter().cells(json("{}"), NOW))
                .containsExactly("", "0/0", "", "0", "<unknown>", "<none>", "<none>", "<none>", "<none>");
    }
}
